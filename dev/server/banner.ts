import { HUMAN_COUNT } from '../bots/roles';
import type { RosterServer } from './types';

/**
 * The URL people should open. Cookies belong to a host name, and the extension's demo settings
 * say `localhost`: a loopback server is announced under that name, not as 127.0.0.1.
 */
export function pageUrl(server: RosterServer): string {
  return server.httpUrl.replace(/^http:\/\/(127\.0\.0\.1|\[::1\])(?=:)/, 'http://localhost');
}

export function socketUrl(server: RosterServer): string {
  return server.wsUrl.replace(/^ws:\/\/(127\.0\.0\.1|\[::1\])(?=:)/, 'ws://localhost');
}

/**
 * The host shape when it is not the default (JWTs, string ids): someone who started the server
 * with `--tokens`/`--ids` and forgot should see it; nobody else needs the line.
 */
export function describeShape(server: Pick<RosterServer, 'tokens' | 'idType'>): string | undefined {
  const parts = [
    ...(server.tokens === 'opaque'
      ? ['opaque session tokens (minted by /login, ended by /logout; users.json tokens refused)']
      : []),
    ...(server.idType === 'number' ? ['numeric ids (calls with string Sender/Receiver are dropped)'] : []),
  ];
  return parts.length > 0 ? parts.join('; ') : undefined;
}

/** Where the server listens and who can sign in; names are quoted so odd ones stay visible. */
export function describeServer(server: RosterServer, bots: number): string[] {
  const humans = server.users.slice(0, bots > 0 ? HUMAN_COUNT : server.users.length);
  const shape = describeShape(server);
  const lines = [
    `Demo admin page: ${pageUrl(server)}/`,
    `WebSocket:       ${socketUrl(server)}?token=<USERTOKEN cookie>`,
    ...(shape ? [`Host shape:      ${shape}`] : []),
    `Sign in on the page as any user${bots > 0 ? ` (users ${HUMAN_COUNT + 1}–${HUMAN_COUNT + bots} are bots)` : ''}, e.g.:`,
    ...humans.slice(0, 10).map((user) => `  ${user.id.padStart(3)}  ${JSON.stringify(user.name)}`),
  ];
  if (humans.length > 10) lines.push(`  … and ${humans.length - 10} more in the user table`);
  return lines;
}

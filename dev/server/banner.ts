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

/** Where the server listens and who can sign in; names are quoted so odd ones stay visible. */
export function describeServer(server: RosterServer, bots: number): string[] {
  const humans = server.users.slice(0, bots > 0 ? HUMAN_COUNT : server.users.length);
  const lines = [
    `Demo admin page: ${pageUrl(server)}/`,
    `WebSocket:       ${socketUrl(server)}?token=<USERTOKEN cookie>`,
    `Sign in on the page as any user${bots > 0 ? ` (users ${HUMAN_COUNT + 1}–${HUMAN_COUNT + bots} are bots)` : ''}, e.g.:`,
    ...humans.slice(0, 10).map((user) => `  ${user.id.padStart(3)}  ${JSON.stringify(user.name)}`),
  ];
  if (humans.length > 10) lines.push(`  … and ${humans.length - 10} more in the user table`);
  return lines;
}

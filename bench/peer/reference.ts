/**
 * The reference server in its default ("legacy") mode: JWT tokens, string ids, full lists of ids.
 * It can be restarted on the same port, as an admin system's server is on a deploy.
 */
import { startServer, type RosterServer, type ServerOptions, type UserRecord } from '../../dev/server/index';
import type { OrgFeed } from './feed';

export interface Reference {
  readonly server: RosterServer;
  /** Stops the server; `whileDown` runs with it stopped; resolves with the epoch time (ms) the new one listens. */
  restart(whileDown: () => Promise<void>): Promise<number>;
  close(): Promise<void>;
}

export const epochNow = (): number => performance.timeOrigin + performance.now();

export function benchUsers(count: number): UserRecord[] {
  return Array.from({ length: count }, (_, index) => ({
    id: String(index + 1),
    name: `用户 ${index + 1}`,
    token: `peer-bench-token-${String(index + 1).padStart(6, '0')}`,
  }));
}

export async function startReference(
  users: readonly UserRecord[],
  pageOrigin: string,
  feed: OrgFeed,
): Promise<Reference> {
  // The recipe's pages open their sockets from the admin site's own origin.
  const options: ServerOptions = { port: 0, users, allowedOrigins: [pageOrigin] };
  let server = await startServer(options);
  feed.attach(server);
  const port = server.port;
  return {
    get server() {
      return server;
    },
    async restart(whileDown) {
      await server.close();
      await whileDown();
      server = await startServer({ ...options, port });
      feed.attach(server);
      return epochNow();
    },
    close: () => server.close(),
  };
}

import type { RosterServer } from '../../../dev/server/index';
import { encodeCall } from '../../../utils/core/protocol/encode';
import type { UserId } from '../../../utils/core/protocol/schemas';
import { connect, type TestClient } from '../../integration/helpers/ws-client';

/** Colleagues online as plain `ws` clients of the reference server, keyed by user id. */
export class Colleagues {
  readonly #online = new Map<string, TestClient>();

  constructor(private readonly server: () => RosterServer) {}

  async join(...userIds: string[]): Promise<void> {
    for (const userId of userIds) {
      const server = this.server();
      this.#online.set(userId, await connect(`${server.wsUrl}?token=${encodeURIComponent(server.tokenFor(userId))}`));
    }
  }

  /** `userId` closes their socket: the server tells everyone they left. */
  async leave(userId: string): Promise<void> {
    await this.get(userId).close();
    this.#online.delete(userId);
  }

  /**
   * Exactly `userIds` online afterwards: the others leave, the missing ones join, and those who stay
   * forget the frames they were sent so far (a test starts from a clean queue).
   */
  async keepOnly(...userIds: string[]): Promise<void> {
    for (const userId of [...this.#online.keys()]) if (!userIds.includes(userId)) await this.leave(userId);
    for (const userId of userIds) {
      const client = this.#online.get(userId);
      if (client) client.frames.length = 0;
      else await this.join(userId);
    }
  }

  get(userId: string): TestClient {
    const client = this.#online.get(userId);
    if (!client) throw new Error(`user ${userId} is not online in this test`);
    return client;
  }

  /** `userId` rings me (user 1) the way the host's own client does, ids in the server's type. */
  call(userId: string): void {
    const server = this.server();
    const name = server.users.find((user) => user.id === userId)?.name ?? '';
    this.get(userId).send(
      encodeCall(
        { senderId: userId as UserId, receiverId: '1' as UserId, senderName: name, receiverName: '章三' },
        server.idType,
      ),
    );
  }

  /** The next call from me (user 1) that `userId`'s socket receives, parsed. Bots may ring them too. */
  async nextCall(userId: string, timeoutMs = 5_000): Promise<unknown> {
    return JSON.parse(await this.get(userId).next(isCallFromMe, timeoutMs)) as unknown;
  }

  /** How many calls from me `userId` has received and not yet taken. */
  pendingCalls(userId: string): number {
    return this.get(userId).frames.filter(isCallFromMe).length;
  }

  forgetAll(): void {
    this.#online.clear();
  }
}

function isCallFromMe(text: string): boolean {
  return text.includes('"Event":"Call"') && /"Sender":(1|"1")[,}]/.test(text);
}

/** Names the server has online, me (user 1) excluded, sorted as plain strings. */
export function serverNames(server: RosterServer): string[] {
  return server
    .onlineIds()
    .filter((id) => id !== '1')
    .map((id) => server.users.find((user) => user.id === id)?.name ?? id)
    .sort();
}

/** The settings the tests run with: the test server, and calls missed after 5 s rather than 60. */
export function testSettings(server: RosterServer, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    serverUrl: server.wsUrl,
    auth: { cookieUrl: `${server.httpUrl}/`, cookieName: 'USERTOKEN' },
    directory: { url: `${server.httpUrl}/api/users` },
    notifications: { ringTimeoutSeconds: 5 },
    ...overrides,
  };
}

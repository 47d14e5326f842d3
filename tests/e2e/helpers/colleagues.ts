import type { RosterServer } from '../../../dev/server/index';
import { connect, type TestClient } from '../../integration/helpers/ws-client';

/** Colleagues online as real WebSocket clients of the reference server, by user id. */
export class Colleagues {
  readonly #clients = new Map<string, TestClient>();

  constructor(private readonly server: RosterServer) {}

  async join(userId: string): Promise<TestClient> {
    const client = await connect(`${this.server.wsUrl}?token=${encodeURIComponent(this.server.tokenFor(userId))}`);
    this.#clients.set(userId, client);
    return client;
  }

  async leave(userId: string): Promise<void> {
    await this.#clients.get(userId)?.close();
    this.#clients.delete(userId);
  }

  get(userId: string): TestClient | undefined {
    return this.#clients.get(userId);
  }
}

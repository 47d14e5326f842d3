/**
 * The rest of the organisation. Thousands of colleagues cannot be thousands of sockets here: the
 * legacy server sends each of them the full list on every change, and that traffic (5,000 × 36 KB
 * a change, in this very process) would swamp the machine the browser is measured on. So the
 * reference server is kept frozen (it sends nothing of its own: no lists, no heartbeat replies,
 * which would show only the sockets it really has) and this feed writes, for every change, the
 * frame the legacy server would send: the full list, in its encoding, to every socket of the
 * signed-in user, which are the only sockets the measured browser has.
 */
import type { RosterServer } from '../../dev/server/index';
import { encodeOnlineList } from '../../utils/core/protocol/encode';
import type { UserId } from '../../utils/core/protocol/schemas';

export class OrgFeed {
  /** Insertion order = the order they came online, as the server lists them. */
  readonly #online = new Set<string>();
  #server: RosterServer | undefined;
  #detach: (() => void) | undefined;
  /** While paused, sockets that connect get nothing until the next `push`: a batch of tabs opening is told once. */
  paused = false;
  /** When a socket of ours last connected (epoch ms). */
  lastConnectionAt = 0;

  constructor(
    readonly me: string,
    others: Iterable<string>,
  ) {
    this.#online.add(me);
    for (const id of others) this.#online.add(id);
  }

  /** Serves `server` (a new one after each restart): a socket of ours that connects gets the list, as it would. */
  attach(server: RosterServer): void {
    this.#detach?.();
    this.#server = server;
    server.freeze(true);
    this.#detach = server.on('connection', ({ userId }) => {
      if (userId !== this.me) return;
      this.lastConnectionAt = performance.timeOrigin + performance.now();
      if (!this.paused) this.push();
    });
  }

  reset(others: Iterable<string>): void {
    this.#online.clear();
    this.#online.add(this.me);
    for (const id of others) this.#online.add(id);
  }

  isOnline(id: string): boolean {
    return this.#online.has(id);
  }

  /** Changes one colleague's state without telling anyone (the server is down). */
  set(id: string, online: boolean): void {
    if (online) this.#online.add(id);
    else this.#online.delete(id);
  }

  /** The legacy server's frame for the current list. */
  frame(): string {
    return encodeOnlineList(
      [...this.#online].map((id) => ({ id: id as UserId })),
      'ids',
    );
  }

  /** Sends the list to every socket of ours; returns the bytes sent (payload, all sockets). */
  push(): number {
    const server = this.#server;
    if (!server) throw new Error('feed: no server attached');
    const frame = this.frame();
    const sockets = server.connectionCount(this.me);
    server.freeze(false);
    server.sendRaw(this.me, frame);
    server.freeze(true);
    return Buffer.byteLength(frame) * sockets;
  }

  detach(): void {
    this.#detach?.();
    this.#detach = undefined;
  }
}

import { WebSocket } from 'ws';
import { encodeOnlineList, type OnlineListFormat } from '../../utils/core/protocol/encode';
import type { WireIdType } from '../../utils/core/protocol/messages';
import { toOnlineUser } from './user-id';
import type { UserRecord } from './types';

/**
 * Who is connected: the authenticated sockets, grouped by user. A user is online while any of
 * their sockets is open. Every outbound frame goes through `send`, so `frozen` silences them all.
 */
export class Hub {
  /** Insertion order = the order users came online, which is the order lists are sent in. */
  private readonly byUser = new Map<string, { user: UserRecord; sockets: Set<WebSocket> }>();
  private readonly owner = new Map<WebSocket, UserRecord>();
  frozen = false;

  constructor(
    private readonly listFormat: OnlineListFormat,
    private readonly idType: WireIdType,
  ) {}

  /** Registers a socket; true when this made the user come online. */
  join(socket: WebSocket, user: UserRecord): boolean {
    this.owner.set(socket, user);
    const entry = this.byUser.get(user.id);
    if (entry) {
      entry.sockets.add(socket);
      return false;
    }
    this.byUser.set(user.id, { user, sockets: new Set([socket]) });
    return true;
  }

  /** Forgets a socket; `wentOffline` when it was the user's last one. */
  leave(socket: WebSocket): { user: UserRecord; wentOffline: boolean } | undefined {
    const user = this.owner.get(socket);
    if (!user) return undefined;
    this.owner.delete(socket);
    const entry = this.byUser.get(user.id);
    entry?.sockets.delete(socket);
    if (entry && entry.sockets.size > 0) return { user, wentOffline: false };
    this.byUser.delete(user.id);
    return { user, wentOffline: true };
  }

  onlineIds(): string[] {
    return [...this.byUser.keys()];
  }

  socketsOf(userId: string): WebSocket[] {
    return [...(this.byUser.get(userId)?.sockets ?? [])];
  }

  allSockets(): WebSocket[] {
    return [...this.owner.keys()];
  }

  connectionCount(userId?: string): number {
    return userId === undefined ? this.owner.size : (this.byUser.get(userId)?.sockets.size ?? 0);
  }

  listFrame(): string {
    return encodeOnlineList(
      [...this.byUser.values()].map(({ user }) => toOnlineUser(user)),
      this.listFormat,
      this.idType,
    );
  }

  /** False when nothing was sent (frozen, or the socket is no longer open). */
  send(socket: WebSocket, text: string): boolean {
    if (this.frozen || socket.readyState !== WebSocket.OPEN) return false;
    socket.send(text);
    return true;
  }

  sendList(socket: WebSocket): void {
    this.send(socket, this.listFrame());
  }

  broadcastList(): void {
    const frame = this.listFrame();
    for (const socket of this.owner.keys()) this.send(socket, frame);
  }
}

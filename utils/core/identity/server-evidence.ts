import type { UserId } from '../protocol/schemas';

/** How long after we send a call an echo of it may come back. */
export const ECHO_WINDOW_MS = 30_000;
const MAX_RECENT_SENDS = 50;

/**
 * What a call frame on our socket is to us: a call for me, or an echo of one of my own calls
 * (sent from this browser, or from another session of mine that the server copies us on).
 */
export type CallKind = 'incoming' | 'echo';

export interface Classified {
  readonly kind: CallKind;
  /** A call for someone else while I know who I am: shown anyway (the server sent it here), and worth saying. */
  readonly mismatch?: boolean;
}

/** Why the server's lists cannot name me yet. */
export type Ambiguity =
  /** No complete online list since the token was set. */
  | { readonly why: 'no-list' }
  /** Several ids were in every list (colleagues who never left while I was connected). */
  | { readonly why: 'several'; readonly count: number }
  /** No id was in every list: this server's lists do not include the receiver, so they teach nothing. */
  | { readonly why: 'lists-omit-me' };

/**
 * What the legacy server tells us about who we are, without anyone configuring it. Pure state.
 * - The server sends our socket its full online list, and we are online while our socket is open:
 *   my id is in every complete list. The ids in all of them narrow to one as colleagues come and go.
 * - The server routes a call by `Receiver` to the receiver's sockets, and copies the sender's other
 *   sessions: a call on our socket is for me unless its `Sender` is me. `Sender` is stamped by the
 *   server from the sending socket, so an echo of a call this browser just sent names me as well.
 * Everything is dropped when the token changes (`reset`).
 */
export class ServerEvidence {
  /** Ids in every complete list since the reset; `undefined` before the first one. */
  #always: Set<UserId> | undefined;
  #listsOmitMe = false;
  /** Learned from calls: the receiver of a call for me, or the sender of an echo of mine. */
  #fromCalls: UserId | undefined;
  /** Calls named two different people as me: calls are no longer trusted to teach (until a reset). */
  #callsConflict = false;
  #recentSends: { readonly to: UserId; readonly at: number }[] = [];

  reset(): void {
    this.#always = undefined;
    this.#listsOmitMe = false;
    this.#fromCalls = undefined;
    this.#callsConflict = false;
    this.#recentSends = [];
  }

  /**
   * A full online list, as who is online after it (the presence store's own, read here and never
   * kept: no second set of 10,000 per list); `complete` is false when some entries were unreadable
   * (one may have been me).
   */
  onlineList(online: ReadonlySetLike<UserId>, complete: boolean): void {
    if (!complete || this.#listsOmitMe) return;
    if (!this.#always) {
      this.#always = new Set();
      // A set-like's `keys()` is an iterator, not always an iterable: walked by hand.
      const ids = online.keys();
      for (let next = ids.next(); next.done !== true; next = ids.next()) this.#always.add(next.value);
    } else for (const id of this.#always) if (!online.has(id)) this.#always.delete(id);
    if (this.#always.size === 0) this.#listsOmitMe = true;
    if (this.#fromCalls !== undefined && !this.possible(this.#fromCalls)) this.#fromCalls = undefined;
  }

  /** This browser sent a call to `to` at `at`. */
  sent(to: UserId, at: number): void {
    this.#recentSends.push({ to, at });
    if (this.#recentSends.length > MAX_RECENT_SENDS) this.#recentSends.shift();
  }

  /** Sorts one call frame from the server; learns from it when it can. `me` is who we believe we are. */
  classify(
    call: { readonly senderId: UserId; readonly receiverId: UserId },
    me: UserId | undefined,
    now: number,
  ): Classified {
    this.#recentSends = this.#recentSends.filter((send) => now - send.at <= ECHO_WINDOW_MS);
    const own = me === call.receiverId ? -1 : this.#recentSends.findIndex((send) => send.to === call.receiverId);
    if (own >= 0) {
      this.#recentSends.splice(own, 1);
      this.#learn(call.senderId);
      return { kind: 'echo' };
    }
    if (me !== undefined) {
      if (call.senderId === me && call.receiverId !== me) return { kind: 'echo' };
      return call.receiverId === me ? { kind: 'incoming' } : { kind: 'incoming', mismatch: true };
    }
    const always = this.#listsOmitMe ? undefined : this.#always;
    if (always && !always.has(call.receiverId) && always.has(call.senderId)) {
      // The receiver was not online all along but the sender was: the sender is me, copied on my own call.
      this.#learn(call.senderId);
      return { kind: 'echo' };
    }
    // Shown either way (nothing is lost), but it teaches who I am only when the sender cannot be me:
    // otherwise it may be a copy of my own call, and its receiver a colleague. With no lists to
    // tell, the server's routing by Receiver is all there is to go on.
    if (!always || !always.has(call.senderId) || call.senderId === call.receiverId) this.#learn(call.receiverId);
    return { kind: 'incoming' };
  }

  /** Who the server says I am, when it says so unambiguously. */
  learned(): UserId | undefined {
    if (this.#fromCalls !== undefined) return this.#fromCalls;
    const always = this.#listsOmitMe ? undefined : this.#always;
    return always?.size === 1 ? [...always][0] : undefined;
  }

  /** Why `learned()` is empty (only meaningful then). */
  ambiguity(): Ambiguity {
    if (this.#listsOmitMe) return { why: 'lists-omit-me' };
    if (!this.#always) return { why: 'no-list' };
    return { why: 'several', count: this.#always.size };
  }

  /** Whether `id` can be me as far as the lists know. */
  possible(id: UserId): boolean {
    return this.#listsOmitMe || !this.#always || this.#always.has(id);
  }

  #learn(id: UserId): void {
    if (this.#callsConflict || !this.possible(id)) return;
    if (this.#fromCalls === undefined || this.#fromCalls === id) {
      this.#fromCalls = id;
      return;
    }
    // Two calls that name different people as me: one of them was an echo we could not tell apart.
    // Better to know nothing than to be wrong; the lists may still settle it.
    this.#fromCalls = undefined;
    this.#callsConflict = true;
  }
}

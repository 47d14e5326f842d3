import type { UserId } from '../protocol/schemas';
import { idTable, tableEntries, type IdTable } from './id-table';

export interface PresenceSnapshot {
  /** Bumped on every change, so a view can tell it missed one. */
  readonly version: number;
  readonly online: readonly UserId[];
  /**
   * When each user who has left, and is still away, was last seen online (clock ms), as far as
   * we saw it happen. Prototype-free; read with `ownValue`.
   */
  readonly lastSeen: IdTable<number>;
}

/** Who came and who went between two full online lists. */
export interface OnlineDiff {
  readonly joined: readonly UserId[];
  readonly left: readonly UserId[];
}

export interface PresenceChange extends OnlineDiff {
  readonly version: number;
  /** When it happened: the `lastSeen` of everyone in `left`. */
  readonly at: number;
}

/**
 * How much "last seen" is remembered. A server that churns through ids (or a long-running browser)
 * must not grow it without end: the oldest go first, and nothing is kept longer than a week.
 */
export const lastSeenLimits = { count: 20_000, maxAgeMs: 7 * 24 * 3600_000 } as const;

/**
 * Who is online. The server always sends the full list; the store turns each list into the
 * difference from the last one, which is all a view needs to touch.
 */
export class PresenceStore {
  /**
   * Who is online, each with the number of the last list that named them, in the order they came
   * online (as views keep it). Updated in place: the server resends 10,000 ids for each join or
   * leave, and marking them here costs a quarter of building a new set and comparing the two.
   */
  readonly #online: Map<UserId, number>;
  #lists = 0;
  #version: number;
  /** Oldest departure first, so pruning takes from the front. */
  readonly #lastSeen: Map<UserId, number>;

  constructor(initial: PresenceSnapshot = { version: 0, online: [], lastSeen: {} }) {
    this.#online = new Map(initial.online.map((id) => [id, 0]));
    this.#version = initial.version;
    this.#lastSeen = new Map(tableEntries(initial.lastSeen).sort(([, a], [, b]) => a - b));
    for (const id of this.#online.keys()) this.#lastSeen.delete(id);
  }

  /** Takes a full online list; returns the change, or `undefined` when nobody came or went. */
  apply(online: Iterable<UserId>, now: number): PresenceChange | undefined {
    const list = ++this.#lists;
    const joined: UserId[] = [];
    let named = 0;
    for (const id of online) {
      const last = this.#online.get(id);
      if (last === list) continue;
      named++;
      if (last === undefined) joined.push(id);
      this.#online.set(id, list);
    }
    // Only when the list named fewer than are online did anyone leave: usually nobody looks.
    const left: UserId[] = [];
    if (this.#online.size > named) {
      for (const [id, last] of this.#online) {
        if (last === list) continue;
        left.push(id);
        this.#online.delete(id);
      }
    }
    if (joined.length === 0 && left.length === 0) return undefined;
    this.#version++;
    // Someone back online has no "last seen" to show; whoever left moves to the back of the line.
    for (const id of joined) this.#lastSeen.delete(id);
    for (const id of left) {
      this.#lastSeen.delete(id);
      this.#lastSeen.set(id, now);
    }
    this.#prune(now);
    return { version: this.#version, at: now, joined, left };
  }

  isOnline(id: UserId): boolean {
    return this.#online.has(id);
  }

  /** Everyone online, live (the next list changes it): read it at once, or copy it. */
  onlineIds(): ReadonlySetLike<UserId> {
    return this.#online;
  }

  snapshot(): PresenceSnapshot {
    return { version: this.#version, online: [...this.#online.keys()], lastSeen: idTable(this.#lastSeen) };
  }

  #prune(now: number): void {
    for (const [id, at] of this.#lastSeen) {
      if (this.#lastSeen.size <= lastSeenLimits.count && now - at <= lastSeenLimits.maxAgeMs) return;
      this.#lastSeen.delete(id);
    }
  }
}

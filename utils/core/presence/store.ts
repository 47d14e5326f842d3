import type { UserId } from '../protocol/schemas';
import { diffOnline, type OnlineDiff } from './diff';
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
  #online: Set<UserId>;
  #version: number;
  /** Oldest departure first, so pruning takes from the front. */
  readonly #lastSeen: Map<UserId, number>;

  constructor(initial: PresenceSnapshot = { version: 0, online: [], lastSeen: {} }) {
    this.#online = new Set(initial.online);
    this.#version = initial.version;
    this.#lastSeen = new Map(tableEntries(initial.lastSeen).sort(([, a], [, b]) => a - b));
    for (const id of this.#online) this.#lastSeen.delete(id);
  }

  /** Takes a full online list; returns the change, or `undefined` when nobody came or went. */
  apply(online: Iterable<UserId>, now: number): PresenceChange | undefined {
    const next = new Set(online);
    const diff = diffOnline(this.#online, next);
    if (diff.joined.length === 0 && diff.left.length === 0) return undefined;
    this.#online = next;
    this.#version++;
    // Someone back online has no "last seen" to show; whoever left moves to the back of the line.
    for (const id of diff.joined) this.#lastSeen.delete(id);
    for (const id of diff.left) {
      this.#lastSeen.delete(id);
      this.#lastSeen.set(id, now);
    }
    this.#prune(now);
    return { version: this.#version, at: now, ...diff };
  }

  isOnline(id: UserId): boolean {
    return this.#online.has(id);
  }

  snapshot(): PresenceSnapshot {
    return { version: this.#version, online: [...this.#online], lastSeen: idTable(this.#lastSeen) };
  }

  #prune(now: number): void {
    for (const [id, at] of this.#lastSeen) {
      if (this.#lastSeen.size <= lastSeenLimits.count && now - at <= lastSeenLimits.maxAgeMs) return;
      this.#lastSeen.delete(id);
    }
  }
}

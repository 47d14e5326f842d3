import type { UserId } from '../protocol/schemas';
import { diffOnline, type OnlineDiff } from './diff';

export interface PresenceSnapshot {
  /** Bumped on every change, so a view can tell it missed one. */
  readonly version: number;
  readonly online: readonly UserId[];
  /** When each user who has left was last seen online (clock ms), as far as we saw it happen. */
  readonly lastSeen: Readonly<Record<UserId, number>>;
}

export interface PresenceChange extends OnlineDiff {
  readonly version: number;
  /** When it happened: the `lastSeen` of everyone in `left`. */
  readonly at: number;
}

/**
 * Who is online. The server always sends the full list; the store turns each list into the
 * difference from the last one, which is all a view needs to touch.
 */
export class PresenceStore {
  #online: Set<UserId>;
  #version: number;
  #lastSeen: Record<UserId, number>;

  constructor(initial: PresenceSnapshot = { version: 0, online: [], lastSeen: {} }) {
    this.#online = new Set(initial.online);
    this.#version = initial.version;
    this.#lastSeen = { ...initial.lastSeen };
  }

  /** Takes a full online list; returns the change, or `undefined` when nobody came or went. */
  apply(online: Iterable<UserId>, now: number): PresenceChange | undefined {
    const next = new Set(online);
    const diff = diffOnline(this.#online, next);
    if (diff.joined.length === 0 && diff.left.length === 0) return undefined;
    this.#online = next;
    this.#version++;
    for (const id of diff.left) this.#lastSeen[id] = now;
    return { version: this.#version, at: now, ...diff };
  }

  isOnline(id: UserId): boolean {
    return this.#online.has(id);
  }

  snapshot(): PresenceSnapshot {
    return { version: this.#version, online: [...this.#online], lastSeen: { ...this.#lastSeen } };
  }
}

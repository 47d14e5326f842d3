import type { RingingCall } from '../../core/calls/records';

/**
 * The calls ringing in one tab. A flood must not grow the tab's memory without end, so only the
 * newest `keep` are held whole; older ones are remembered by id (so "+N more" stays exact and a
 * close elsewhere still takes them off), and past `keepIds` only counted. Pure.
 */
export class TabRinging {
  readonly #calls = new Map<string, RingingCall>();
  readonly #older = new Set<string>();
  /** Beyond even the ids: cleared only by "Dismiss all". */
  #uncounted = 0;

  constructor(
    readonly keep = 200,
    readonly keepIds = 5_000,
  ) {}

  /** Newest last, as they came. */
  get calls(): readonly RingingCall[] {
    return [...this.#calls.values()];
  }

  /** Ringing but not held whole: they only add to "+N more". */
  get hidden(): number {
    return this.#older.size + this.#uncounted;
  }

  get size(): number {
    return this.#calls.size + this.hidden;
  }

  get(id: string): RingingCall | undefined {
    return this.#calls.get(id);
  }

  add(call: RingingCall): void {
    if (this.#calls.has(call.id) || this.#older.has(call.id)) return;
    this.#calls.set(call.id, call);
    if (this.#calls.size <= this.keep) return;
    const oldest = this.#calls.keys().next().value;
    if (oldest === undefined) return;
    this.#calls.delete(oldest);
    if (this.#older.size < this.keepIds) this.#older.add(oldest);
    else this.#uncounted++;
  }

  /** True when it was ringing here. */
  remove(id: string): boolean {
    return this.#calls.delete(id) || this.#older.delete(id);
  }

  /** Empties the tab; returns the ids it still knows, to dismiss them everywhere. */
  clear(): string[] {
    const ids = [...this.#older, ...this.#calls.keys()];
    this.#calls.clear();
    this.#older.clear();
    this.#uncounted = 0;
    return ids;
  }
}

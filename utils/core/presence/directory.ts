import type { UserId } from '../protocol/schemas';
import { idTable, tableEntries, type IdTable } from './id-table';

/** Where a name was learned, most trusted first. */
export const nameSources = ['directory', 'server', 'page'] as const;
export type NameSource = (typeof nameSources)[number];

/** Id → shown name. Made without a prototype; read with `ownValue` (see `id-table.ts`). */
export type DirectoryEntries = IdTable<string>;
export type DirectoryState = Readonly<Record<NameSource, DirectoryEntries>>;

/**
 * Names each source keeps, the host's user list included: it is read only this far, and the
 * options page's Test says when it is longer. Host pages are not trusted to flood us either.
 * Why not more: every view's snapshot (each popup opening, each host tab) and every write of the
 * session mirror (after each presence change) carry all names, and gathering and serialising
 * 100,000 of them costs about 30 ms each time, three times 20,000 (`npm run bench`).
 */
export const MAX_NAMES_PER_SOURCE = 20_000;

/**
 * Names for user ids, from the host's user list, the server's online objects and host tables.
 * Each source is kept apart so a better source always wins and a refresh of one never loses another.
 */
export class Directory {
  readonly #bySource = new Map<NameSource, Map<UserId, string>>(nameSources.map((source) => [source, new Map()]));

  constructor(initial?: Partial<DirectoryState>) {
    for (const source of nameSources) {
      for (const [id, name] of tableEntries(initial?.[source] ?? {})) this.#source(source).set(id, name);
    }
  }

  name(id: UserId): string | undefined {
    for (const source of nameSources) {
      const name = this.#source(source).get(id);
      if (name) return name;
    }
    return undefined;
  }

  /** Adds names from `source`; returns the ids whose shown name changed, with the new name. */
  learn(source: NameSource, entries: Iterable<readonly [UserId, string]>): DirectoryEntries {
    const names = this.#source(source);
    const changed = idTable<string>();
    for (const [id, name] of entries) {
      if (!name || names.get(id) === name) continue;
      if (!names.has(id) && names.size >= MAX_NAMES_PER_SOURCE) break;
      const before = this.name(id);
      names.set(id, name);
      const after = this.name(id);
      if (after !== undefined && after !== before) changed[id] = after;
    }
    return changed;
  }

  /** Replaces everything `source` said (a fresh copy of the host's user list). */
  replace(source: NameSource, entries: Iterable<readonly [UserId, string]>): DirectoryEntries {
    const old = this.#source(source);
    this.#bySource.set(source, new Map());
    this.learn(source, entries);
    // Only ids this source named before or names now can show another name: no need to build every entry twice.
    const changed = idTable<string>();
    for (const id of new Set([...old.keys(), ...this.#source(source).keys()])) {
      const after = this.name(id);
      if (after !== undefined && after !== this.#nameWith(source, old, id)) changed[id] = after;
    }
    return changed;
  }

  /** The name shown for every known id. */
  entries(): DirectoryEntries {
    const all = idTable<string>();
    for (const source of [...nameSources].reverse()) {
      for (const [id, name] of this.#source(source)) all[id] = name;
    }
    return all;
  }

  /** Everything, per source, for the session mirror. */
  state(): DirectoryState {
    const state = {} as Record<NameSource, DirectoryEntries>;
    for (const source of nameSources) state[source] = idTable(this.#source(source));
    return state;
  }

  /** The name `id` had while `source` still held `names`. */
  #nameWith(source: NameSource, names: ReadonlyMap<UserId, string>, id: UserId): string | undefined {
    for (const each of nameSources) {
      const name = (each === source ? names : this.#source(each)).get(id);
      if (name) return name;
    }
    return undefined;
  }

  #source(source: NameSource): Map<UserId, string> {
    let names = this.#bySource.get(source);
    if (!names) this.#bySource.set(source, (names = new Map<UserId, string>()));
    return names;
  }
}

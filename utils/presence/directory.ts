import type { UserId } from '../protocol/schemas';

/** Where a name was learned, most trusted first. */
export const nameSources = ['directory', 'server', 'page'] as const;
export type NameSource = (typeof nameSources)[number];

export type DirectoryEntries = Readonly<Record<UserId, string>>;
export type DirectoryState = Readonly<Record<NameSource, DirectoryEntries>>;

/** Host pages are not trusted to flood us: each source keeps at most this many names. */
const MAX_NAMES_PER_SOURCE = 20_000;

/**
 * Names for user ids, from the host's user list, the server's online objects and host tables.
 * Each source is kept apart so a better source always wins and a refresh of one never loses another.
 */
export class Directory {
  readonly #bySource = new Map<NameSource, Map<UserId, string>>(nameSources.map((source) => [source, new Map()]));

  constructor(initial?: Partial<DirectoryState>) {
    for (const source of nameSources) {
      for (const [id, name] of Object.entries(initial?.[source] ?? {})) this.#source(source).set(id as UserId, name);
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
    const changed: Record<UserId, string> = {};
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
    const before = this.entries();
    this.#bySource.set(source, new Map());
    this.learn(source, entries);
    const after = this.entries();
    const changed: Record<UserId, string> = {};
    for (const [id, name] of Object.entries(after) as [UserId, string][]) if (before[id] !== name) changed[id] = name;
    return changed;
  }

  /** The name shown for every known id. */
  entries(): DirectoryEntries {
    const all: Record<UserId, string> = {};
    for (const source of [...nameSources].reverse()) {
      for (const [id, name] of this.#source(source)) all[id] = name;
    }
    return all;
  }

  /** Everything, per source, for the session mirror. */
  state(): DirectoryState {
    const state = {} as Record<NameSource, DirectoryEntries>;
    for (const source of nameSources) state[source] = Object.fromEntries(this.#source(source));
    return state;
  }

  #source(source: NameSource): Map<UserId, string> {
    let names = this.#bySource.get(source);
    if (!names) this.#bySource.set(source, (names = new Map<UserId, string>()));
    return names;
  }
}

import type { DirectoryEntries } from '../../core/presence/directory';
import type { UserId } from '../../core/protocol/schemas';
import { nameKey } from '../tables/text';

/**
 * The directory read backwards, name → id, for tables that show only names. A name two people
 * share resolves to nobody: a wrong mark is worse than none.
 */
export class NameIndex {
  readonly #names = new Map<UserId, string>();
  readonly #ids = new Map<string, Set<UserId>>();

  constructor(entries: DirectoryEntries = {}) {
    this.update(entries);
  }

  /** Applies new or changed names; returns the name keys whose owner may have changed. */
  update(entries: DirectoryEntries): string[] {
    const touched: string[] = [];
    for (const [id, name] of Object.entries(entries) as [UserId, string][]) {
      const before = this.#names.get(id);
      if (before === name) continue;
      if (before !== undefined) {
        const key = nameKey(before);
        this.#ids.get(key)?.delete(id);
        touched.push(key);
      }
      this.#names.set(id, name);
      const key = nameKey(name);
      let ids = this.#ids.get(key);
      if (!ids) this.#ids.set(key, (ids = new Set()));
      ids.add(id);
      touched.push(key);
    }
    return touched;
  }

  nameOf(id: UserId): string | undefined {
    return this.#names.get(id);
  }

  idFor(name: string): UserId | undefined {
    const ids = this.#ids.get(nameKey(name));
    if (ids?.size !== 1) return undefined;
    const [only] = ids;
    return only;
  }
}

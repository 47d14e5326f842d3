import type { UserId } from '../protocol/schemas';

/**
 * Tables keyed by user id, as plain data (they cross runtime ports and `storage.session`).
 *
 * Ids are the server's data, and `constructor`, `toString` or `__proto__` are valid ids: on an
 * ordinary object `names['constructor']` is a function and `lastSeen['__proto__'] = 5` sets the
 * prototype. So tables are made without a prototype here, and read only through `ownValue`: a
 * table that crossed a port arrives as an ordinary object again, with the same own keys. Pure.
 */
export type IdTable<V> = Readonly<Record<UserId, V>>;

/** A table with no prototype, filled from `entries` (a later entry for the same id wins). */
export function idTable<V>(entries: Iterable<readonly [UserId, V]> = []): Record<UserId, V> {
  const table = Object.create(null) as Record<UserId, V>;
  for (const [id, value] of entries) table[id] = value;
  return table;
}

/** A prototype-free copy of `table`, with `more` on top. */
export function withEntries<V>(table: IdTable<V>, more: Iterable<readonly [UserId, V]> = []): Record<UserId, V> {
  const copy = idTable(tableEntries(table));
  for (const [id, value] of more) copy[id] = value;
  return copy;
}

/** The value stored for `id` itself, never one inherited from `Object.prototype`. */
export function ownValue<V>(table: IdTable<V>, id: UserId): V | undefined {
  return Object.hasOwn(table, id) ? table[id] : undefined;
}

export function tableEntries<V>(table: IdTable<V>): [UserId, V][] {
  return Object.entries(table) as [UserId, V][];
}

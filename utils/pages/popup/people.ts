import type { Me } from '../../core/identity/me';
import type { DirectoryEntries } from '../../core/presence/directory';
import { ownValue, type IdTable } from '../../core/presence/id-table';
import type { UserId } from '../../core/protocol/schemas';

export interface Person {
  readonly id: UserId;
  /** The directory's name, or the id when no name is known. */
  readonly name: string;
  readonly named: boolean;
}

export interface OfflinePerson extends Person {
  /** When we last saw them leave, if we did. */
  readonly lastSeen?: number;
}

export function person(id: UserId, names: DirectoryEntries): Person {
  const name = ownValue(names, id)?.trim();
  return name ? { id, name, named: true } : { id, name: id, named: false };
}

/** Me, named by the token or settings first, then by the directory. */
export function mePerson(me: Me | null, names: DirectoryEntries): Person | null {
  if (!me) return null;
  const name = me.name.trim();
  return name ? { id: me.id, name, named: true } : person(me.id, names);
}

/** Everyone online but me, unsorted (see `sorted-online.ts`). */
export function onlinePeople(online: readonly UserId[], names: DirectoryEntries, meId: UserId | undefined): Person[] {
  const people: Person[] = [];
  for (const id of online) if (id !== meId) people.push(person(id, names));
  return people;
}

/** Everyone the directory knows, or whom we saw leave, who is not online (me aside). Unsorted. */
export function offlineIds(
  online: readonly UserId[],
  names: DirectoryEntries,
  lastSeen: IdTable<number>,
  meId: UserId | undefined,
): UserId[] {
  const here = new Set(online);
  const ids = new Set([...Object.keys(names), ...Object.keys(lastSeen)] as UserId[]);
  const absent: UserId[] = [];
  for (const id of ids) if (!here.has(id) && id !== meId) absent.push(id);
  return absent;
}

/** The offline colleagues, with when they were last seen; unsorted (see `sorted-online.ts`). */
export function offlinePeople(
  ids: readonly UserId[],
  names: DirectoryEntries,
  lastSeen: IdTable<number>,
): OfflinePerson[] {
  return ids.map((id): OfflinePerson => {
    const seen = ownValue(lastSeen, id);
    return seen === undefined ? person(id, names) : { ...person(id, names), lastSeen: seen };
  });
}

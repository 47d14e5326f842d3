import type { OfflinePerson, Person } from './people';

/** One line of the people list: the list is virtual, so all lines are one flat array. */
export type PeopleRow =
  | { readonly kind: 'online'; readonly person: Person }
  /** `fixed`: held open by a search, so not a toggle just now. */
  | { readonly kind: 'offline-toggle'; readonly count: number; readonly expanded: boolean; readonly fixed: boolean }
  | { readonly kind: 'offline'; readonly person: OfflinePerson };

export interface OfflineSection {
  /** Everyone offline (the section head's count while collapsed). */
  readonly total: number;
  /** Those to list when open: all of them, or a search's matches. */
  readonly shown: readonly OfflinePerson[];
}

/**
 * Online people, then a collapsible "offline" section. While searching, offline matches are
 * always listed: "she is offline" beats "nobody matches".
 */
export function peopleRows(
  online: readonly Person[],
  offline: OfflineSection,
  expanded: boolean,
  searching: boolean,
): PeopleRow[] {
  const rows: PeopleRow[] = online.map((person) => ({ kind: 'online', person }));
  if (searching) {
    if (offline.shown.length === 0) return rows;
    rows.push({ kind: 'offline-toggle', count: offline.shown.length, expanded: true, fixed: true });
  } else {
    if (offline.total === 0) return rows;
    rows.push({ kind: 'offline-toggle', count: offline.total, expanded, fixed: false });
    if (!expanded) return rows;
  }
  for (const person of offline.shown) rows.push({ kind: 'offline', person });
  return rows;
}

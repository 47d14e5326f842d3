import type { NameOrder } from './collate';
import type { Person } from './people';

/**
 * Keeping 5,000 names in order without sorting them all at the worst moment. Chromium's collator
 * takes some 25 ms to sort 5,000 names: too much for the first frame and for every presence
 * change. So the first frame sorts only the first screenful (a selection: n·log k comparisons),
 * the rest is sorted right after; and later lists are updated from the previous order (leavers
 * dropped, newcomers put in place by binary search) rather than sorted again.
 */

const UNNAMED = Number.MAX_SAFE_INTEGER;

export interface Sorted<P> {
  readonly people: readonly P[];
  /** `false`: only the first screenful is in order yet. */
  readonly complete: boolean;
}

interface Keyed<P> {
  readonly entry: P;
  readonly group: number;
}

function keyed<P extends Person>(entry: P, order: NameOrder): Keyed<P> {
  return { entry, group: entry.named ? order.group(entry.name) : UNNAMED };
}

/** Named people first, by name (see `nameOrder`); people known only by id after them, by id; ids break ties. */
function compareKeyed<P extends Person>(order: NameOrder): (a: Keyed<P>, b: Keyed<P>) => number {
  return (a, b) =>
    a.group - b.group ||
    (a.group === UNNAMED ? 0 : order.compare(a.group, a.entry.name, b.entry.name)) ||
    order.compare(0, a.entry.id, b.entry.id);
}

/** Everyone in order. Each person's group is found once, not once per comparison. */
export function sortPeople<P extends Person>(people: readonly P[], order: NameOrder): P[] {
  return people
    .map((entry) => keyed(entry, order))
    .sort(compareKeyed(order))
    .map(({ entry }) => entry);
}

/** The first `count` people in order, then everyone else in no particular order. */
export function sortFirst<P extends Person>(people: readonly P[], order: NameOrder, count: number): Sorted<P> {
  if (people.length <= count * 4) return { people: sortPeople(people, order), complete: true };
  const compare = compareKeyed<P>(order);
  // The best `count` so far, in order; a newcomer that beats the last one is put in its place.
  const best: Keyed<P>[] = [];
  const rest: P[] = [];
  for (const entry of people) {
    const item = keyed(entry, order);
    const last = best[best.length - 1];
    if (best.length === count && last && compare(item, last) >= 0) {
      rest.push(entry);
      continue;
    }
    best.splice(
      insertionPoint(best, (other) => compare(other, item)),
      0,
      item,
    );
    if (best.length > count) {
      const dropped = best.pop();
      if (dropped) rest.push(dropped.entry);
    }
  }
  return { people: [...best.map(({ entry }) => entry), ...rest], complete: false };
}

/**
 * The previous order (complete, and with the same names) updated to `people`: who left is dropped,
 * who came is put in place. Falls back to a full sort when most of the list changed.
 */
export function resort<P extends Person>(previous: readonly P[], people: readonly P[], order: NameOrder): P[] {
  const now = new Map(people.map((entry) => [entry.id, entry]));
  const kept: P[] = [];
  const before = new Set<string>();
  for (const entry of previous) {
    before.add(entry.id);
    const current = now.get(entry.id);
    if (current) kept.push(current);
  }
  const joined = people.filter((entry) => !before.has(entry.id));
  if (joined.length > 64) return sortPeople(people, order);
  const compare = compareKeyed<P>(order);
  for (const entry of joined) {
    const item = keyed(entry, order);
    // Only the few people the binary search looks at need their group worked out.
    kept.splice(
      insertionPoint(kept, (other) => compare(keyed(other, order), item)),
      0,
      entry,
    );
  }
  return kept;
}

/** Where a new item goes in the sorted `list` (after its equals); `versus(other)` compares `other` with it. */
function insertionPoint<T>(list: readonly T[], versus: (other: T) => number): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    const other = list[middle];
    if (other !== undefined && versus(other) <= 0) low = middle + 1;
    else high = middle;
  }
  return low;
}

import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { DirectoryEntries } from '../../utils/core/presence/directory';
import type { UserId } from '../../utils/core/protocol/schemas';
import type { NameOrder } from '../../utils/pages/popup/collate';
import { onlinePeople, type Person } from '../../utils/pages/popup/people';
import { resort, sortFirst, sortPeople, type Sorted } from '../../utils/pages/popup/sorted-online';

/** A little more than the popup's list shows, so the first frame is in order even with some overscan. */
const FIRST_SCREEN = 32;

/**
 * Everyone online but me, in name order: the first screenful at once, the rest right after the
 * first paint, and later lists updated from the last order instead of sorted again.
 */
export function useSortedOnline(
  online: readonly UserId[],
  names: DirectoryEntries,
  meId: UserId | undefined,
  order: NameOrder,
): Sorted<Person> {
  const previous = useRef<{
    readonly names: DirectoryEntries;
    readonly order: NameOrder;
    readonly people: readonly Person[];
  }>(undefined);
  const [painted, setPainted] = useState(false);
  const sorted = useMemo(() => {
    const people = onlinePeople(online, names, meId);
    const last = previous.current;
    let result: Sorted<Person>;
    if (last?.names === names && last.order === order)
      result = { people: resort(last.people, people, order), complete: true };
    else if (!painted) result = sortFirst(people, order, FIRST_SCREEN);
    else result = { people: sortPeople(people, order), complete: true };
    previous.current = result.complete ? { names, order, people: result.people } : undefined;
    return result;
  }, [online, names, meId, order, painted]);
  useEffect(() => {
    if (sorted.complete) return;
    const timer = setTimeout(() => setPainted(true), 0);
    return () => clearTimeout(timer);
  }, [sorted]);
  return sorted;
}

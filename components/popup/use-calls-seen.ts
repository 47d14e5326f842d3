import { useEffect, useRef } from 'preact/hooks';
import type { CallRecord } from '../../utils/core/calls/records';
import type { RosterClient } from '../../utils/core/roster-client';
import { unseenIds } from '../../utils/pages/popup/call-log';

/**
 * Opening the popup is seeing the calls: tell the background (which clears the badge) at once,
 * and again whenever a call arrives while the popup is open. Returns the calls that were unseen,
 * so the list marks them "new" for as long as the popup stays open.
 */
export function useCallsSeen(
  client: RosterClient,
  records: readonly CallRecord[],
  unseen: number,
): ReadonlySet<string> {
  const fresh = useRef(new Set<string>());
  const arrived = unseenIds(records);
  for (const id of arrived) fresh.current.add(id);
  const somethingUnseen = unseen > 0 || arrived.length > 0;

  useEffect(() => {
    void client.request({ op: 'markCallsSeen' }).catch(() => undefined);
  }, [client]);
  useEffect(() => {
    if (somethingUnseen) void client.request({ op: 'markCallsSeen' }).catch(() => undefined);
  }, [client, somethingUnseen, records]);
  return fresh.current;
}

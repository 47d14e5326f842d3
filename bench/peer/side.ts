/**
 * One side (the recipe or Roster) in one cell: the tabs are open, the organisation gets O colleagues
 * online, and once every tab shows that list the presence changes run.
 */
import type { CDPSession } from 'playwright-core';
import { runChanges, type ChangeSample } from './changes';
import type { OrgFeed } from './feed';
import type { Cell } from './matrix';
import type { Expectation, PeerView } from './recipe-page';
import type { Reference } from './reference';
import { arm, doneTimes, stateOf, type HostTab } from './tabs';

export interface SideResult {
  /** The signed-in user's sockets on the server. */
  readonly connections: number;
  readonly changes: readonly ChangeSample[];
}

/** Colleagues 2…O+1 are online (user 1 is the signed-in user, online too). */
export const onlineOthers = (online: number): string[] =>
  Array.from({ length: online }, (_, index) => String(index + 2));

/** A few rows whose state tells whether a tab shows the current list. */
function sample(feed: OrgFeed, cell: Cell): Expectation[] {
  const ids = [2, cell.online + 1, cell.online + 2, cell.rows].filter((id) => id <= cell.rows);
  return [...new Set(ids)].map((id) => ({ userId: String(id), online: feed.isOnline(String(id)) }));
}

async function shows(tabs: readonly HostTab[], view: PeerView, expected: readonly Expectation[]): Promise<boolean> {
  for (const tab of tabs)
    for (const { userId, online } of expected)
      if ((await stateOf(tab, view, userId)) !== (online ? 'online' : 'offline')) return false;
  return true;
}

/** Gives the organisation O colleagues online and waits until every tab shows it (pushing only if needed). */
export async function showOnline(feed: OrgFeed, tabs: readonly HostTab[], view: PeerView, cell: Cell): Promise<void> {
  feed.reset(onlineOthers(cell.online));
  const expected = sample(feed, cell);
  if (await shows(tabs, view, expected)) return;
  await arm(
    tabs,
    view,
    expected,
    (tab) => `list:${view}:${cell.rows}:${cell.online}:${cell.tabs}:${tab}:${Date.now()}`,
  );
  const done = doneTimes(tabs);
  feed.push();
  await done;
}

/** Until every tab's main thread has had nothing to do for a moment (late work of the list: names, layout). */
async function idle(tabs: readonly HostTab[]): Promise<void> {
  for (const tab of tabs)
    await tab.page.evaluate(
      () =>
        new Promise<void>((resolve) => {
          requestIdleCallback(() => setTimeout(resolve, 200), { timeout: 3_000 });
        }),
    );
}

export async function measureSide(options: {
  readonly view: PeerView;
  readonly cell: Cell;
  readonly changes: number;
  readonly tabs: readonly HostTab[];
  readonly feed: OrgFeed;
  readonly reference: Reference;
  readonly tracer: CDPSession;
}): Promise<SideResult> {
  const { view, cell, tabs, feed, reference } = options;
  await showOnline(feed, tabs, view, cell);
  await idle(tabs);
  const connections = reference.server.connectionCount(feed.me);
  const changes = await runChanges({
    view,
    tabs,
    feed,
    tracer: options.tracer,
    rows: cell.rows,
    changes: options.changes,
    id: `${view}:${cell.rows}:${cell.online}:${cell.tabs}`,
    // The recipe's list just re-rendered every row; Roster's snapshot took another path than a change.
    warmupPairs: view === 'roster' ? 1 : 0,
    // Roster's socket is in its service worker, where the pages' CDP sessions see nothing.
    bytesSent: view === 'roster',
  });
  return { connections, changes };
}

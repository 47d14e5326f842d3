/**
 * Presence changes, one at a time, while every tab is traced: a colleague in the table comes online
 * or goes offline (and back, in the next change). Per change: when each tab's DOM showed it, the
 * bytes the browser received, and each tab's main-thread time from the change until well after
 * its DOM showed it (the frame that paints it included).
 */
import type { CDPSession } from 'playwright-core';
import type { OrgFeed } from './feed';
import type { PeerView } from './recipe-page';
import { epochNow } from './reference';
import { arm, doneTimes, stamp, type HostTab } from './tabs';
import { startTrace, stopTrace, zeroTimes, type KindTimes, type TimeKind } from './trace';

/** After the last tab showed the change: its style, layout and paint have long run by then. */
const SETTLE_MS = 300;

export interface ChangeSample {
  /** Change sent → the visible (first) tab's DOM shows it, ms. */
  readonly visibleMs: number;
  /** Change sent → each tab's DOM shows it, ms. */
  readonly latenciesMs: readonly number[];
  readonly bytes: number;
  /** Main-thread time of all tabs, summed, and of the visible tab alone (ms). */
  readonly allTabs: KindTimes;
  readonly visible: KindTimes;
}

export interface ChangeRun {
  readonly view: PeerView;
  readonly tabs: readonly HostTab[];
  readonly feed: OrgFeed;
  readonly tracer: CDPSession;
  readonly rows: number;
  readonly changes: number;
  /** Unique per run: stamps must not repeat within one trace. */
  readonly id: string;
  /** Changes there and back before the measured ones. */
  readonly warmupPairs: number;
  /** What the browser received per change when it cannot be counted in the pages (Roster: its worker). */
  readonly bytesSent?: boolean;
}

/** A colleague in the table (never row 1, the signed-in user), spread over the rows. */
export function flipUser(pair: number, rows: number): string {
  return String(2 + ((pair * 379 + 17) % (rows - 1)));
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Window {
  readonly latenciesMs: number[];
  readonly bytes: number;
}

/** One change: every tab armed, the frame sent, every tab's DOM right, the settle, the closing stamp. */
async function oneChange(run: ChangeRun, userId: string, label: string): Promise<Window> {
  const { tabs, feed, view } = run;
  const online = !feed.isOnline(userId);
  for (const tab of tabs) tab.takeBytes();
  await arm(tabs, view, [{ userId, online }], (tab) => `${label}:s:${tab}`);
  const pending = doneTimes(tabs);
  const sentAt = epochNow();
  feed.set(userId, online);
  const sent = feed.push();
  const latenciesMs = (await pending).map((at) => at - sentAt);
  await pause(SETTLE_MS);
  await stamp(tabs, (tab) => `${label}:e:${tab}`);
  const received = tabs.reduce((sum, tab) => sum + tab.takeBytes(), 0);
  return { latenciesMs, bytes: run.bytesSent === true ? sent : received };
}

export async function runChanges(run: ChangeRun): Promise<ChangeSample[]> {
  const { tabs } = run;
  // Warm-up pairs (there and back) for the code paths a snapshot does not take; not recorded.
  for (let change = 0; change < 2 * run.warmupPairs; change++)
    await oneChange(run, flipUser(500 + Math.floor(change / 2), run.rows), `${run.id}:warm:${change}`);
  const windows: Window[] = [];
  await startTrace(run.tracer);
  for (let change = 0; change < run.changes; change++)
    windows.push(await oneChange(run, flipUser(Math.floor(change / 2), run.rows), `${run.id}:${change}`));
  const trace = await stopTrace(run.tracer);
  return windows.map(({ latenciesMs, bytes }, change) => {
    const perTab = tabs.map((_, tab) => {
      const times = trace.between(`${run.id}:${change}:s:${tab}`, `${run.id}:${change}:e:${tab}`);
      if (!times) throw new Error(`trace: no window for ${run.id} change ${change} tab ${tab}`);
      return times;
    });
    const allTabs = zeroTimes();
    for (const times of perTab) for (const kind of Object.keys(times) as TimeKind[]) allTabs[kind] += times[kind];
    return {
      visibleMs: latenciesMs[0] ?? Number.NaN,
      latenciesMs,
      bytes,
      allTabs,
      visible: perTab[0] ?? zeroTimes(),
    };
  });
}

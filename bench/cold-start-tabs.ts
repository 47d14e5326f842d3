/**
 * Host tabs through a service-worker restart: the worker is stopped while colleagues are online,
 * with host tabs open whose marks are recorded (`mark-log.ts`). Nothing else wakes the worker: the
 * tabs' content scripts reconnect their ports, as they do after Chrome stops an idle worker. Each
 * round times the restart (the kill → the server sees the new worker's socket) and collects every
 * mark state change in every tab until a while after that.
 */
import type { Page } from 'playwright-core';
import type { RosterServer } from '../dev/server/index';
import { killServiceWorker, type ExtensionBrowser } from '../tests/e2e/helpers/chromium';
import { sleep } from './bench-extension';
import { markStates, recordMarks, takeMarkChanges, type MarkChange } from './mark-log';

/** After the worker is back, marks are watched this long more: a late blink would show here. */
const WATCH_AFTER_MS = 1_500;
/** The mirror is written at most 250 ms after a change: a kill before that would restore an older state. */
const MIRROR_SETTLE_MS = 800;

export interface TabRound {
  /** From the kill to the server seeing the new worker's socket. */
  readonly restartMs: number;
  /** Every mark state change in every tab, from the kill to `WATCH_AFTER_MS` after the restart. */
  readonly changes: readonly MarkChange[];
}

export interface TabRounds {
  readonly rounds: readonly TabRound[];
  /** How many marks each tab showed in each state before the first kill. */
  readonly marksPerTab: readonly Record<string, number>[];
}

async function openHostTabs(browser: ExtensionBrowser, server: RosterServer, count: number): Promise<Page[]> {
  const tabs: Page[] = [];
  for (let index = 0; index < count; index++) {
    const page = await browser.context.newPage();
    await recordMarks(page);
    await page.goto(server.httpUrl);
    await page.waitForFunction(() => document.querySelector('roster-mark[data-roster-state="online"]') !== null, {
      timeout: 15_000,
    });
    tabs.push(page);
  }
  return tabs;
}

function nextConnection(server: RosterServer, userId: string, timeoutMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      off();
      reject(new Error(`no new connection of user ${userId} within ${timeoutMs} ms`));
    }, timeoutMs);
    const off = server.on('connection', (event) => {
      if (event.userId !== userId) return;
      clearTimeout(timer);
      off();
      resolve(Date.now());
    });
  });
}

/** Opens `tabs` host tabs and stops the worker `rounds` times; the tabs are closed afterwards. */
export async function restartUnderHostTabs(
  browser: ExtensionBrowser,
  server: RosterServer,
  me: string,
  options: { readonly tabs: number; readonly rounds: number },
): Promise<TabRounds> {
  const tabs = await openHostTabs(browser, server, options.tabs);
  try {
    const marksPerTab = await Promise.all(tabs.map(markStates));
    const rounds: TabRound[] = [];
    for (let round = 0; round < options.rounds; round++) {
      await server.waitFor(() => server.connectionCount(me) === 1, 15_000);
      await sleep(MIRROR_SETTLE_MS);
      for (const tab of tabs) await takeMarkChanges(tab);
      const back = nextConnection(server, me, 20_000);
      const killed = Date.now();
      await killServiceWorker(browser);
      const restartMs = (await back) - killed;
      await sleep(WATCH_AFTER_MS);
      const changes = (await Promise.all(tabs.map(takeMarkChanges))).flat().filter((change) => change.at >= killed);
      rounds.push({ restartMs, changes });
    }
    return { rounds, marksPerTab };
  } finally {
    for (const tab of tabs) await tab.close();
  }
}

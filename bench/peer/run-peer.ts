/**
 * Issue 16's peer benchmark: the recipe (seed/000_6df9066a44d3f288.txt) side by side with Roster,
 * in one headless Chromium with the demo build loaded. The same Vue 2 + Element UI admin page serves
 * both: first with the recipe's own socket in every tab (Roster idle: no token, no pages), then, in
 * the very same tabs, with that socket closed and Roster marking the table. Each tab is mounted
 * once: at 1,000 rows that is seconds, at 10,000 over a minute.
 *
 * `ROSTER_BENCH_EXT=<dir>` loads a built extension instead of building; `ROSTER_PEER_FULL=1` runs
 * the cells the default run skips, with more changes; `ROSTER_PEER_ROWS=1000` leaves out 10,000.
 */
import type { CDPSession } from 'playwright-core';
import type { ExtensionBrowser } from '../../tests/e2e/helpers/chromium';
import { configureRoster, launch, signIn } from './extension';
import { OrgFeed } from './feed';
import { measureFloor } from './floor';
import { FLOOR_FLIPS, FULL, planMatrix, RESTARTS, ROWS, type Cell, type PlannedCell } from './matrix';
import { startPageServer } from './page-server';
import { benchUsers, startReference, type Reference } from './reference';
import { measureRestarts, type RestartSample } from './restart';
import { machine, RESULTS_PATH, writeResults } from './results-file';
import { measureSide, onlineOthers, showOnline, type SideResult } from './side';
import { summariseRestarts, summariseSide, summariseTimes, type CellSummary, type FloorSummary } from './summary';
import { formatNotes, formatSkipped, formatTables } from './table';
import { closeTabs, openTabs, stopSockets, type HostTab } from './tabs';

const ME = '1';
const USERS = 10_000;

interface Run {
  readonly browser: ExtensionBrowser;
  readonly reference: Reference;
  readonly feed: OrgFeed;
  readonly tracer: CDPSession;
  readonly pageOrigin: string;
}

const key = (cell: Cell) => `${cell.rows}:${cell.online}:${cell.tabs}`;
const log = (line: string) => console.error(`[peer ${new Date().toISOString().slice(11, 19)}] ${line}`);

/** All cells of one row count: the recipe with T growing, then Roster in the same tabs with T shrinking. */
async function measureRows(
  run: Run,
  rows: number,
  cells: readonly PlannedCell[],
  out: {
    recipe: Map<string, SideResult>;
    roster: Map<string, SideResult>;
    floors: FloorSummary[];
    restarts: Partial<Record<'recipe' | 'roster', RestartSample[]>>;
    visibility: Set<string>;
  },
): Promise<void> {
  const { browser, reference, feed, tracer } = run;
  const tabCounts = [...new Set(cells.map((cell) => cell.tabs))].sort((a, b) => a - b);
  const url = `${run.pageOrigin}/?rows=${rows}&ws=${encodeURIComponent(reference.server.wsUrl)}`;
  const tabs: HostTab[] = [];
  /** Server restarts as the one open tab sees them, with 100 online. */
  const restartsOf = async (view: 'recipe' | 'roster') => {
    await showOnline(feed, tabs, view, { rows, online: 100, tabs: 1 });
    return measureRestarts({ reference, feed, tabs, view, rows, restarts: RESTARTS[view] });
  };
  try {
    for (const count of tabCounts) {
      const here = cells.filter((cell) => cell.tabs === count);
      feed.reset(onlineOthers(here[0]?.online ?? 0));
      // One tab folds the list into its mount; many are told once, all together, when all are up.
      feed.paused = count > 1;
      log(`recipe: opening ${count - tabs.length} tab(s) of ${rows} rows`);
      tabs.push(...(await openTabs(browser, url, count - tabs.length)));
      feed.paused = false;
      await tabs[0]?.page.bringToFront();
      for (const tab of tabs) out.visibility.add(await tab.page.evaluate(() => document.visibilityState));
      for (const cell of here) {
        log(`recipe: ${key(cell)}, ${cell.recipeChanges} changes`);
        out.recipe.set(
          key(cell),
          await measureSide({ ...run, view: 'recipe', cell, changes: cell.recipeChanges, tabs }),
        );
      }
      const [first] = tabs;
      if (count === 1 && first) {
        log(`floor: ${rows} rows`);
        const flips = await measureFloor(first, tracer, rows, FLOOR_FLIPS, `floor:${rows}`);
        out.floors.push({ rows, flips: flips.length, mainThreadMs: summariseTimes(flips) });
        if (rows === 1_000) {
          log('recipe: server restarts');
          out.restarts.recipe = await restartsOf('recipe');
        }
      }
    }

    log('switching the tabs to Roster');
    await stopSockets(tabs);
    await reference.server.waitFor(() => reference.server.connectionCount(ME) === 0, 10_000);
    // The recipe's garbage (a VNode tree per change per tab) is not Roster's to collect: left, its
    // major GCs land in Roster's windows. A 10,000-row heap (2.4 GB) would take half a minute.
    if (rows <= 1_000) {
      for (const tab of tabs) await tab.cdp.send('HeapProfiler.collectGarbage');
      log('recipe garbage collected');
    }
    await configureRoster(browser, reference.server, run.pageOrigin, true);
    await reference.server.waitFor(() => reference.server.connectionCount(ME) === 1, 30_000);
    log('Roster connected');

    for (const count of [...tabCounts].reverse()) {
      await closeTabs(tabs.splice(count));
      await tabs[0]?.page.bringToFront();
      for (const cell of cells.filter((planned) => planned.tabs === count)) {
        log(`Roster: ${key(cell)}, ${cell.rosterChanges} changes`);
        out.roster.set(
          key(cell),
          await measureSide({ ...run, view: 'roster', cell, changes: cell.rosterChanges, tabs }),
        );
      }
      if (count === 1 && rows === 1_000) {
        log('Roster: server restarts');
        out.restarts.roster = await restartsOf('roster');
      }
    }
  } finally {
    await configureRoster(browser, reference.server, run.pageOrigin, false);
    await closeTabs(tabs.splice(0));
  }
}

async function main(): Promise<void> {
  const started = performance.now();
  const { run: planned, skipped } = planMatrix();
  const feed = new OrgFeed(ME, []);
  const pages = await startPageServer();
  const pageOrigin = `http://127.0.0.1:${pages.port}`;
  const reference = await startReference(benchUsers(USERS), pageOrigin, feed);
  const browser = await launch();
  try {
    // Tsx names functions with a helper the pages do not have.
    await browser.context.addInitScript({ content: 'globalThis.__name = (target) => target;' });
    await configureRoster(browser, reference.server, pageOrigin, false);
    await signIn(browser, reference.server, ME);
    const control = await browser.context.newPage();
    const tracer = await browser.context.newCDPSession(control);
    const { product } = await tracer.send('Browser.getVersion');
    const run: Run = { browser, reference, feed, tracer, pageOrigin };
    const out = {
      recipe: new Map<string, SideResult>(),
      roster: new Map<string, SideResult>(),
      floors: [] as FloorSummary[],
      restarts: {} as Partial<Record<'recipe' | 'roster', RestartSample[]>>,
      visibility: new Set<string>(),
    };
    for (const rows of ROWS) {
      const cells = planned.filter((cell) => cell.rows === rows);
      if (cells.length > 0) await measureRows(run, rows, cells, out);
    }

    const cells: CellSummary[] = planned.flatMap((cell) => {
      const recipe = out.recipe.get(key(cell));
      const roster = out.roster.get(key(cell));
      const base = { rows: cell.rows, online: cell.online, tabs: cell.tabs };
      return recipe && roster ? [{ ...base, recipe: summariseSide(recipe), roster: summariseSide(roster) }] : [];
    });
    const results = {
      cells,
      allTabsVisible: out.visibility.size === 1 && out.visibility.has('visible'),
      skipped,
      floors: out.floors,
      restart: {
        recipe: summariseRestarts(out.restarts.recipe ?? []),
        roster: summariseRestarts(out.restarts.roster ?? []),
      },
    };
    const seconds = Math.round((performance.now() - started) / 1000);
    writeResults(results, machine(product), seconds);
    console.log('');
    console.log(`Peer benchmark: the recipe vs Roster, headless ${product}${FULL ? ' (full matrix)' : ''}`);
    console.log('');
    console.log(formatTables(results));
    console.log('');
    for (const line of [...formatNotes(results), ...formatSkipped(results)]) console.log(line);
    console.log(`- ${seconds} s in all; numbers also in ${RESULTS_PATH.pathname}`);
  } finally {
    log('closing');
    await browser.close();
    log('browser closed');
    pages.close();
    feed.detach();
    await reference.close();
  }
}

await main();

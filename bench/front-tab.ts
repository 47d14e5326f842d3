/**
 * The tab a person looks at, among many: Roster alone (no recipe run first), T host tabs of the peer
 * benchmark's Vue 2 + Element page with 1,000 rows each, 5,000 colleagues online, the first tab in
 * front. Per presence change, from the server sending the list to each tab's DOM showing it. No
 * tracing, which would slow every renderer. `ROSTER_FRONT_TABS` (default 10), `ROSTER_FRONT_CHANGES`
 * (40); `ROSTER_BENCH_EXT=<dir>` compares another build.
 */
import { flipUser } from './peer/changes';
import { configureRoster, launch, signIn } from './peer/extension';
import { OrgFeed } from './peer/feed';
import { startPageServer } from './peer/page-server';
import { benchUsers, epochNow, startReference } from './peer/reference';
import { onlineOthers, showOnline } from './peer/side';
import { quantile } from './peer/stats';
import { arm, doneTimes, openTabs, stopSockets } from './peer/tabs';

const TABS = Number(process.env.ROSTER_FRONT_TABS ?? 10);
const CHANGES = Number(process.env.ROSTER_FRONT_CHANGES ?? 40);
const ROWS = 1_000;
const ONLINE = 5_000;
const ME = '1';
/** After each change: every tab's work for it is long done. */
const SETTLE_MS = 300;

const row = (name: string, values: readonly number[]) =>
  `| ${name} | ${quantile(values, 0.5).toFixed(1)} | ${quantile(values, 0.9).toFixed(1)} | ${Math.max(...values).toFixed(1)} | ${values.length} |`;

async function main(): Promise<void> {
  const feed = new OrgFeed(ME, []);
  const pages = await startPageServer();
  const pageOrigin = `http://127.0.0.1:${pages.port}`;
  const reference = await startReference(benchUsers(10_000), pageOrigin, feed);
  const browser = await launch();
  try {
    // Tsx names functions with a helper the pages do not have.
    await browser.context.addInitScript({ content: 'globalThis.__name = (target) => target;' });
    await configureRoster(browser, reference.server, pageOrigin, false);
    await signIn(browser, reference.server, ME);
    feed.reset(onlineOthers(ONLINE));
    feed.paused = true;
    const url = `${pageOrigin}/?rows=${ROWS}&ws=${encodeURIComponent(reference.server.wsUrl)}`;
    const tabs = await openTabs(browser, url, TABS);
    feed.paused = false;
    // The page's own socket off; Roster on in the same tabs.
    await stopSockets(tabs);
    await configureRoster(browser, reference.server, pageOrigin, true);
    await reference.server.waitFor(() => reference.server.connectionCount(ME) === 1, 30_000);
    await tabs[0]?.page.bringToFront();
    await showOnline(feed, tabs, 'roster', { rows: ROWS, online: ONLINE, tabs: TABS });
    const front: number[] = [];
    const every: number[] = [];
    // Two warm-up changes first, not recorded.
    for (let change = 0; change < CHANGES + 2; change++) {
      const userId = flipUser(Math.floor(change / 2), ROWS);
      const online = !feed.isOnline(userId);
      await arm(tabs, 'roster', [{ userId, online }], (tab) => `front:${change}:${tab}`);
      const pending = doneTimes(tabs);
      const sentAt = epochNow();
      feed.set(userId, online);
      feed.push();
      const latencies = (await pending).map((done) => done - sentAt);
      await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
      if (change < 2) continue;
      front.push(latencies[0] ?? Number.NaN);
      every.push(Math.max(...latencies));
    }
    console.log('');
    console.log(
      `| ${TABS} host tabs, ${ROWS} rows, ${ONLINE} online: change → DOM | p50 ms | p90 ms | max ms | changes |`,
    );
    console.log('| --- | ---: | ---: | ---: | ---: |');
    console.log(row('the tab in front', front));
    console.log(row('every tab (the last one)', every));
  } finally {
    await browser.close();
    pages.close();
    feed.detach();
    await reference.close();
  }
}

await main();

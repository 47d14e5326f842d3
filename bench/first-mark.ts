/**
 * The first mark on a plain page (issue 16: "time from injection to the first mark on a 20-row
 * page"): headless Chromium with the built demo extension (`ROSTER_BENCH_EXT` for one built before),
 * the reference server with 2,000 users and 20 online, and the Element-UI-style table of
 * `marking-page.ts` with 20 rows built by the page's script as it loads. Every sample is a cold
 * page load in a new tab. Two series: production's default settings (nothing to read in the page)
 * and the demo build's (`.env.demo` names a page key to read the signed-in user from, `vuex`).
 *
 * The content script leaves no User Timing entry when it starts, so page times run from the page's
 * navigation start (`first-mark-watch.ts`). Its start is taken from the background's side: the
 * content script connects its port first thing, and the worker notes when that port arrived
 * (`worker-log.ts`, which also notes every part the background puts into the page). The content
 * script's own work is the `roster:mark-rows` frame that put the first marks in.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startServer, type UserRecord } from '../dev/server/index';
import { closeAllClients, connect } from '../tests/integration/helpers/ws-client';
import { launchWithExtension, type ExtensionBrowser } from '../tests/e2e/helpers/chromium';
import { benchExtensionDir, CHROMIUM, hasChromium, sleep } from './bench-extension';
import { readFirstMark, ROWS_MARK, watchMarks, type FirstMark } from './first-mark-watch';
import { MARKING_PAGE_SCRIPT, markingPageHtml } from './marking-page';
import { formatSpread, spread } from './popup-stats';
import { takeWorkerLog, watchWorker, type WorkerEntry } from './worker-log';

const USERS = 2_000;
const ONLINE = 20;
const ROWS = 20;
const SAMPLES = Number(process.env.ROSTER_BENCH_FIRST_MARK_SAMPLES ?? 30);
/** The first loads also register the content script and fill caches: not what a page sees all day. */
const WARM_UP = 2;
/** Parts asked for this soon after the first mark are reported too. */
const AFTER_MS = 500;

/** The marking page's script, then its 20 rows, built as the page loads (as a Vue page mounts). */
const PAGE_SCRIPT = `${MARKING_PAGE_SCRIPT}
window.rosterBench.render(${ROWS}, 0);
performance.mark('${ROWS_MARK}');
`;

/** What production builds leave empty and the demo build fills in from `.env.demo`. */
const PRODUCTION_DEFAULTS = { identity: { url: '', pageKey: '' }, sites: { shadowHosts: '' } } as const;

interface Sample {
  readonly page: FirstMark;
  /** When the content script's port reached the worker, from the page's navigation start. */
  readonly port: number;
  readonly partsBefore: readonly string[];
  readonly partsAfter: readonly string[];
}

/** Cold loads of the page, each in a new tab; the first few are dropped. */
async function loadSamples(browser: ExtensionBrowser, pageUrl: string): Promise<Sample[]> {
  const samples: Sample[] = [];
  for (let sample = 0; sample < SAMPLES + WARM_UP; sample++) {
    await watchWorker(browser);
    await takeWorkerLog(browser);
    const page = await browser.context.newPage();
    await watchMarks(page);
    await page.goto(pageUrl);
    const first = await readFirstMark(page, ROWS_MARK);
    await sleep(AFTER_MS);
    const log = await takeWorkerLog(browser);
    await page.close();
    if (sample < WARM_UP) continue;
    const marked = first.origin + first.firstMark;
    const port = log.find((entry) => entry.kind === 'port' && entry.name.startsWith(pageUrl));
    const parts = (keep: (entry: WorkerEntry) => boolean) =>
      log.filter((entry) => entry.kind === 'part' && keep(entry)).map((entry) => entry.name);
    samples.push({
      page: first,
      port: port ? port.at - first.origin : Number.NaN,
      partsBefore: parts((entry) => entry.at <= marked),
      partsAfter: parts((entry) => entry.at > marked),
    });
  }
  return samples;
}

/** Each name with the number of loads it came in: `none` when no load had any. */
function inLoads(perLoad: readonly (readonly string[])[]): string {
  const loads = new Map<string, number>();
  for (const names of perLoad) for (const name of new Set(names)) loads.set(name, (loads.get(name) ?? 0) + 1);
  if (loads.size === 0) return `none in ${perLoad.length} loads`;
  return [...loads].map(([name, count]) => `${name} in ${count} of ${perLoad.length} loads`).join(', ');
}

function print(title: string, samples: readonly Sample[]): void {
  const of = (pick: (sample: Sample) => number) => samples.map(pick).filter((value) => !Number.isNaN(value));
  const list = (names: readonly string[]) => (names.length === 0 ? 'none' : [...new Set(names)].join(', '));
  console.log('');
  console.log(
    `| first mark, ${ROWS}-row page, cold load, ${title} | median ms | p25–p75 ms | p95 ms | max ms | samples |`,
  );
  console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
  for (const row of [
    spread(
      'navigation start → first roster-mark in the DOM',
      of((sample) => sample.page.firstMark),
    ),
    spread(
      '… navigation start → the page’s rows in the DOM',
      of((sample) => sample.page.rows),
    ),
    spread(
      '… navigation start → DOMContentLoaded done',
      of((sample) => sample.page.domContentLoaded),
    ),
    spread(
      '… navigation start → load event',
      of((sample) => sample.page.loaded),
    ),
    spread(
      '… navigation start → the content script’s port at the worker (injection)',
      of((sample) => sample.port),
    ),
    spread(
      '… injection → first mark (port, state, profiles, frame)',
      of((sample) => sample.page.firstMark - sample.port),
    ),
    spread(
      '… … injection → the frame that marked begins',
      of((sample) => sample.page.markingStart - sample.port),
    ),
    spread(
      '… … the content script’s frame that marked (roster:mark-rows)',
      of((sample) => sample.page.markingMs),
    ),
  ])
    console.log(formatSpread(row));
  console.log('');
  console.log(
    `marks in the page when the first appeared: ${list(samples.map((sample) => String(sample.page.marks)))} (${ROWS} rows); ` +
      `mark-rows frames before that one: ${list(samples.map((sample) => String(sample.page.framesBefore)))}`,
  );
  console.log(
    `parts the background put into the page before the first mark: ${inLoads(samples.map((sample) => sample.partsBefore))}; ` +
      `within ${AFTER_MS} ms after it: ${inLoads(samples.map((sample) => sample.partsAfter))}`,
  );
}

async function main(): Promise<void> {
  if (!hasChromium()) {
    console.log(`\nfirst-mark benchmark skipped: no Chromium at ${CHROMIUM}`);
    return;
  }
  const extensionDir = benchExtensionDir();
  const users: UserRecord[] = Array.from({ length: USERS }, (_, index) => ({
    id: String(index + 1),
    name: `用户 ${index + 1}`,
    token: `bench-token-${String(index + 1).padStart(6, '0')}`,
  }));
  const roster = await startServer({ port: 0, users });
  const pages = createServer((req, res) => {
    const script = req.url === '/page.js';
    // Every load is a cold one: nothing of the page comes from the cache.
    res.writeHead(200, {
      'Content-Type': script ? 'text/javascript; charset=utf-8' : 'text/html; charset=utf-8',
      'Cache-Control': 'no-store',
    });
    res.end(script ? PAGE_SCRIPT : markingPageHtml(`${roster.httpUrl}/vendor/element-ui/theme-chalk/index.css`));
  });
  await new Promise<void>((resolve) => pages.listen(0, '127.0.0.1', resolve));
  const pageUrl = `http://127.0.0.1:${(pages.address() as AddressInfo).port}/`;
  const browser = await launchWithExtension({ extensionDir });
  const settings = {
    serverUrl: roster.wsUrl,
    auth: { cookieUrl: `${roster.httpUrl}/`, cookieName: 'USERTOKEN' },
    directory: { url: `${roster.httpUrl}/api/users` },
  };
  const save = (more: Record<string, unknown>) =>
    browser.worker.evaluate(async (value) => chrome.storage.local.set({ settings: value }), { ...settings, ...more });
  try {
    // tsx keeps function names with a `__name` helper that pages do not have.
    await browser.context.addInitScript({ content: 'globalThis.__name = (target) => target;' });
    await save({ sites: { matches: [`${pageUrl}*`] } });
    for (let index = 2; index < 2 + ONLINE; index++)
      await connect(`${roster.wsUrl}?token=${users[index - 1]?.token ?? ''}`);
    const home = browser.context.pages()[0] ?? (await browser.context.newPage());
    await home.goto(`${roster.httpUrl}/login?userId=1`);
    await roster.waitFor(() => roster.connectionCount('1') === 1, 15_000);
    await home.goto('about:blank');
    for (const [title, identity, sites] of [
      ["production's defaults", PRODUCTION_DEFAULTS.identity, PRODUCTION_DEFAULTS.sites],
      ["the demo build's defaults", {}, {}],
    ] as const) {
      await save({ identity, sites: { ...sites, matches: [`${pageUrl}*`] } });
      print(title, await loadSamples(browser, pageUrl));
    }
  } finally {
    closeAllClients();
    await browser.close();
    pages.close();
    await roster.close();
  }
}

await main();

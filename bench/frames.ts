/**
 * What frames cost a host tab: an iframe shell with ten frames open, one presence change at a time.
 * The tab's renderer main-thread time (Chromium's `Performance.getMetrics` TaskDuration: script,
 * style, layout, paint, everything) is read around each change, with Roster's content script in
 * every frame, and again for the very same pages on an origin Roster does not run on (the floor:
 * what the tab costs anyway). The difference is what Roster adds. Also: the content scripts' own
 * marking time summed over all frames (User Timing `roster:presence-change`), and the ports.
 * Documents with no rows ask the background for no changes after 5 s.
 */
import { execFileSync } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CDPSession, Page } from 'playwright-core';
import { startServer, type RosterServer, type UserRecord } from '../dev/server/index';
import { connect, closeAllClients } from '../tests/integration/helpers/ws-client';
import { launchWithExtension } from '../tests/e2e/helpers/chromium';

const USERS = 200;
const FRAMES = 10;
const CHANGES = 30;
/** After a change, the tab is left this long before its time is read: every frame has long settled. */
const SETTLE_MS = 250;
/** The user whose presence flips: a row of theirs is in every table. */
const FLIPPER = '2';
/** Past `QUIET_AFTER_MS` (5 s, utils/content/marks/presence-interest.ts, which cannot load in Node). */
const QUIET_WAIT_MS = 6_000;

type Kind = 'tables' | 'no-tables' | 'single';

/** A small admin page: twenty user rows, the way the plain-table built-in finds them; or just text. */
function framePage(table: boolean): string {
  const rows = Array.from(
    { length: 20 },
    (_, index) => `<tr data-user-id="${index + 1}"><td>用户 ${index + 1}</td><td>Dept</td></tr>`,
  ).join('');
  const body = table
    ? `<table><thead><tr><th>User</th><th>Department</th></tr></thead><tbody>${rows}</tbody></table>`
    : '<p>Dashboard: nothing but text here.</p>';
  return `<!doctype html><meta charset="utf-8"><title>frame</title><body>${body}</body>`;
}

function shellPage(kind: Kind): string {
  if (kind === 'single') return framePage(true);
  const frames = Array.from(
    { length: FRAMES },
    (_, index) =>
      `<iframe src="/frame?table=${kind === 'tables' ? 1 : 0}&n=${index}" width="300" height="120"></iframe>`,
  ).join('');
  return `<!doctype html><meta charset="utf-8"><title>shell</title><body><nav>menu</nav>${frames}</body>`;
}

function listen(server: Server): Promise<number> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));
}

const median = (values: readonly number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
const quantile = (values: readonly number[], q: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(q * values.length))] ?? Number.NaN;

async function taskMs(cdp: CDPSession): Promise<number> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return (metrics.find((metric) => metric.name === 'TaskDuration')?.value ?? 0) * 1000;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Sample {
  readonly taskMs: number[];
  readonly scriptUs: number[];
}

/** `CHANGES` joins and leaves of FLIPPER while `page` is open; the tab's main-thread time around each. */
async function changes(page: Page, roster: RosterServer, token: string): Promise<Sample> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const taskMsPerChange: number[] = [];
  const scriptUs: number[] = [];
  const clearMeasures = () =>
    Promise.all(
      page
        .frames()
        .map((frame) =>
          frame.evaluate(() => performance.clearMeasures('roster:presence-change')).catch(() => undefined),
        ),
    );
  const scriptTime = async () =>
    (
      await Promise.all(
        page
          .frames()
          .map((frame) =>
            frame
              .evaluate(() =>
                performance.getEntriesByName('roster:presence-change').reduce((sum, entry) => sum + entry.duration, 0),
              )
              .catch(() => 0),
          ),
      )
    ).reduce((sum, value) => sum + value, 0);
  for (let index = 0; index < CHANGES; index++) {
    for (const step of ['join', 'leave'] as const) {
      await clearMeasures();
      await pause(SETTLE_MS);
      const before = await taskMs(cdp);
      if (step === 'join') await connect(`${roster.wsUrl}?token=${token}`);
      else closeAllClients();
      await pause(SETTLE_MS);
      taskMsPerChange.push((await taskMs(cdp)) - before);
      scriptUs.push((await scriptTime()) * 1000);
    }
  }
  await cdp.detach();
  return { taskMs: taskMsPerChange, scriptUs };
}

async function main(): Promise<void> {
  execFileSync('npx', ['wxt', 'build', '--mode', 'demo'], { stdio: 'ignore' });
  const users: UserRecord[] = Array.from({ length: USERS }, (_, index) => ({
    id: String(index + 1),
    name: `用户 ${index + 1}`,
    token: `frames-token-${index + 1}`,
  }));
  const roster = await startServer({ port: 0, users });
  const pages = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(
      url.pathname === '/frame'
        ? framePage(url.searchParams.get('table') === '1')
        : shellPage((url.searchParams.get('kind') ?? 'tables') as Kind),
    );
  });
  const port = await listen(pages);
  const browser = await launchWithExtension();
  try {
    await browser.worker.evaluate(async (settings) => chrome.storage.local.set({ settings }), {
      serverUrl: roster.wsUrl,
      auth: { cookieUrl: `${roster.httpUrl}/`, cookieName: 'USERTOKEN' },
      directory: { url: `${roster.httpUrl}/api/users` },
      sites: { matches: [`http://127.0.0.1:${port}/*`] },
    });
    const login = await browser.context.newPage();
    await login.goto(`${roster.httpUrl}/login?userId=1`);
    await roster.waitFor(() => roster.connectionCount('1') === 1, 15_000);
    await login.close();
    const token = users.find((user) => user.id === FLIPPER)?.token ?? '';

    const rows: string[] = [];
    let floorMedian = Number.NaN;
    for (const [kind, label] of [
      ['single', 'one page with a 20-row table, no frames'],
      ['tables', `shell + ${FRAMES} frames, each a 20-row table`],
      ['no-tables', `shell + ${FRAMES} frames with no table`],
    ] as const) {
      for (const host of ['localhost', '127.0.0.1']) {
        const page = await browser.context.newPage();
        await page.goto(`http://${host}:${port}/?kind=${kind}`);
        await page.waitForLoadState('load');
        const marked = host === '127.0.0.1';
        if (marked && kind !== 'no-tables') {
          const documents = kind === 'single' ? 1 : FRAMES;
          await page.waitForFunction(
            (count) =>
              [document, ...[...document.querySelectorAll('iframe')].map((frame) => frame.contentDocument)].filter(
                (doc) => doc?.querySelector('roster-mark'),
              ).length >= count,
            documents,
            { timeout: 15_000 },
          );
        }
        // Documents without rows go quiet after this long: measured as they are all day, not in their first seconds.
        await pause(QUIET_WAIT_MS);
        const sample = await changes(page, roster, token);
        await page.close();
        const ports = marked ? (kind === 'single' ? 1 : FRAMES + 1) : 0;
        const task = median(sample.taskMs);
        if (!marked && kind === 'single') floorMedian = task;
        rows.push(
          `| ${label} | ${marked ? 'Roster' : 'floor (no Roster)'} | ${ports} | ${task.toFixed(2)} ms | ${quantile(sample.taskMs, 0.25).toFixed(2)}–${quantile(sample.taskMs, 0.75).toFixed(2)} ms | ${marked ? `${median(sample.scriptUs).toFixed(0)} µs` : '–'} | ${sample.taskMs.length} |`,
        );
      }
    }
    console.log('');
    console.log(
      `| one presence change, tab main thread (headless Chromium) | content script | ports | renderer task time, median | p25–p75 | marking, all frames | changes |`,
    );
    console.log('| --- | --- | ---: | ---: | ---: | ---: | ---: |');
    for (const row of rows) console.log(row);
    console.log(
      `\nEach row: ${SETTLE_MS} ms windows around one change; the floor rows are what the same pages cost anyway (${floorMedian.toFixed(2)} ms for one page).`,
    );
  } finally {
    closeAllClients();
    await browser.close();
    pages.close();
    await roster.close();
  }
}

await main();

/**
 * Presence marks in a real page: headless Chromium with the built demo extension, the reference
 * server with 2,000 users, and a generated Element-UI-style table (bench/marking-page.ts). The
 * content script's own work is read from the User Timing entries it leaves in non-production
 * builds (`roster:mark-rows` per frame, `roster:presence-change` per diff); the page measures the
 * rest (when marks appear, how many change, in which frame).
 */
import { execFileSync } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { startServer, type UserRecord } from '../dev/server/index';
import { connect, closeAllClients, type TestClient } from '../tests/integration/helpers/ws-client';
import { launchWithExtension } from '../tests/e2e/helpers/chromium';
import { measureMarkingFloor } from './marking-floor';
import { MARKING_PAGE_SCRIPT, markingPageHtml, type MarkingPageWindow } from './marking-page';

const USERS = 2_000;
const ONLINE = 20;

interface Summary {
  readonly name: string;
  readonly unit: 'ms' | 'µs';
  readonly median: number;
  readonly p25: number;
  readonly p75: number;
  readonly samples: number;
  readonly note: string;
}

function summarize(name: string, unit: Summary['unit'], values: number[], note = ''): Summary {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (quantile: number) =>
    sorted[Math.min(sorted.length - 1, Math.floor(quantile * sorted.length))] ?? Number.NaN;
  return { name, unit, median: at(0.5), p25: at(0.25), p75: at(0.75), samples: values.length, note };
}

function median(values: readonly number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
}

function format(summary: Summary): string {
  const number = (value: number) => (value >= 100 ? value.toFixed(0) : value.toFixed(summary.unit === 'ms' ? 1 : 0));
  return `| ${summary.name} | ${number(summary.median)} ${summary.unit} | ${number(summary.p25)}–${number(summary.p75)} ${summary.unit} | ${summary.samples} | ${summary.note} |`;
}

function listen(server: Server): Promise<number> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));
}

interface Marked {
  /** The host page's own script building the rows: the baseline. */
  readonly hostMs: number;
  /** The content script's work (all frames). */
  readonly scriptMs: number;
  /** From the rows being in the page to every one of them marked (waiting for the frame included). */
  readonly visibleMs: number;
}

/** Renders `count` rows and resolves once every row has its mark. */
function markRows(page: Page, count: number, offset: number): Promise<Marked> {
  return page.evaluate(
    ({ count, offset }) =>
      new Promise<Marked>((resolve) => {
        const bench = (window as unknown as MarkingPageWindow).rosterBench;
        const marks = document.getElementsByTagName('roster-mark');
        performance.clearMeasures('roster:mark-rows');
        let rendered = 0;
        const observer = new MutationObserver(() => {
          if (marks.length < count || rendered === 0) return;
          observer.disconnect();
          const visibleMs = performance.now() - rendered;
          const scriptMs = performance
            .getEntriesByName('roster:mark-rows')
            .reduce((total, entry) => total + entry.duration, 0);
          resolve({ hostMs, scriptMs, visibleMs });
        });
        observer.observe(document.body, { childList: true, subtree: true });
        const start = performance.now();
        bench.render(count, offset);
        rendered = performance.now();
        const hostMs = rendered - start;
        if (count === 0) resolve({ hostMs, scriptMs: 0, visibleMs: 0 });
      }),
    { count, offset },
  );
}

/** Replaces every row and checks, right after the next frame's callbacks, that all are marked. */
function rerender(page: Page, count: number, offset: number): Promise<{ scriptMs: number; nextFrame: boolean }> {
  return page.evaluate(
    ({ count, offset }) =>
      new Promise<{ scriptMs: number; nextFrame: boolean }>((resolve) => {
        const bench = (window as unknown as MarkingPageWindow).rosterBench;
        performance.clearMeasures('roster:mark-rows');
        bench.render(count, offset);
        const body = document.querySelector<HTMLTableSectionElement>('.el-table__body-wrapper tbody');
        // Registered before the content script's own frame callback: this runs first in the next frame,
        // and the timeout after that frame's callbacks, before any later frame.
        requestAnimationFrame(() =>
          setTimeout(() => {
            const marked = [...(body?.rows ?? [])].every((row) => row.getElementsByTagName('roster-mark').length === 1);
            const scriptMs = performance
              .getEntriesByName('roster:mark-rows')
              .reduce((total, entry) => total + entry.duration, 0);
            resolve({ scriptMs, nextFrame: marked && (body?.rows.length ?? 0) === count });
          }, 0),
        );
      }),
    { count, offset },
  );
}

/** One colleague joins or leaves; resolves with the content script's time and the marks that changed. */
async function flip(
  page: Page,
  user: string,
  change: () => Promise<void>,
): Promise<{ scriptUs: number; touched: number; ofUser: number }> {
  await page.evaluate(() => {
    performance.clearMeasures('roster:presence-change');
    const seen = new Set<Element>();
    const observer = new MutationObserver((records) => {
      for (const record of records) seen.add(record.target as Element);
    });
    observer.observe(document.body, { subtree: true, attributes: true, attributeFilter: ['data-roster-state'] });
    (window as unknown as { benchSeen: () => number }).benchSeen = () => {
      observer.takeRecords().forEach((record) => seen.add(record.target as Element));
      observer.disconnect();
      return seen.size;
    };
  });
  await change();
  await page.waitForFunction(() => performance.getEntriesByName('roster:presence-change').length > 0, undefined, {
    timeout: 10_000,
  });
  return page.evaluate((id) => {
    const [entry] = performance.getEntriesByName('roster:presence-change');
    const ofUser = [...document.querySelectorAll('.el-table__body-wrapper td.el-table_1_column_3')].filter(
      (cell) => cell.textContent === id,
    ).length;
    return {
      scriptUs: (entry?.duration ?? Number.NaN) * 1000,
      touched: (window as unknown as { benchSeen: () => number }).benchSeen(),
      ofUser,
    };
  }, user);
}

async function main(): Promise<void> {
  execFileSync('npx', ['wxt', 'build', '--mode', 'demo'], { stdio: 'ignore' });
  const users: UserRecord[] = Array.from({ length: USERS }, (_, index) => ({
    id: String(index + 1),
    name: `用户 ${index + 1}`,
    token: `bench-token-${String(index + 1).padStart(6, '0')}`,
  }));
  const roster = await startServer({ port: 0, users });
  const pages = createServer((req, res) => {
    const script = req.url === '/page.js';
    res.writeHead(200, { 'Content-Type': script ? 'text/javascript; charset=utf-8' : 'text/html; charset=utf-8' });
    res.end(
      script ? MARKING_PAGE_SCRIPT : markingPageHtml(`${roster.httpUrl}/vendor/element-ui/theme-chalk/index.css`),
    );
  });
  const pagePort = await listen(pages);
  const browser = await launchWithExtension();
  const online: TestClient[] = [];
  try {
    await browser.worker.evaluate(async (settings) => chrome.storage.local.set({ settings }), {
      serverUrl: roster.wsUrl,
      auth: { cookieUrl: `${roster.httpUrl}/`, cookieName: 'USERTOKEN' },
      directory: { url: `${roster.httpUrl}/api/users` },
      sites: { matches: [`http://127.0.0.1:${pagePort}/*`] },
    });
    for (let index = 2; index < 2 + ONLINE; index++)
      online.push(await connect(`${roster.wsUrl}?token=${users[index - 1]?.token ?? ''}`));
    const page = await browser.context.newPage();
    await page.goto(`${roster.httpUrl}/login?userId=1`);
    await roster.waitFor(() => roster.connectionCount('1') === 1, 15_000);
    await page.goto(`http://127.0.0.1:${pagePort}/`);
    await markRows(page, 10, 0); // the content script is up and has the presence snapshot

    const results: Summary[] = [];
    for (const [count, samples] of [
      [1_000, 30],
      [10_000, 15],
    ] as const) {
      const host: number[] = [];
      const script: number[] = [];
      const visible: number[] = [];
      for (let sample = 0; sample < samples + 2; sample++) {
        await markRows(page, 0, 0);
        await page.evaluate(
          () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
        );
        const result = await markRows(page, count, sample * 7);
        if (sample < 2) continue; // warm-up
        host.push(result.hostMs);
        script.push(result.scriptMs);
        visible.push(result.visibleMs);
      }
      const rows = count.toLocaleString('en');
      results.push(summarize(`initial marking, ${rows} rows (×3 copies)`, 'ms', script, 'content script, all frames'));
      results.push(
        summarize(
          `  rows in the page → every row marked`,
          'ms',
          visible,
          'wall clock: the wait for the next frame, then the marking',
        ),
      );
      results.push(
        summarize(
          `  baseline: the host's own script building those rows`,
          'ms',
          host,
          `marking costs ${((median(script) / median(host)) * 100).toFixed(0)}% of it`,
        ),
      );
      if (count === 10_000) {
        // Another origin than the sites': the same page without the content script.
        const bare = await browser.context.newPage();
        await bare.goto(`http://localhost:${pagePort}/`);
        const floor = await measureMarkingFloor(bare, count, samples);
        await bare.close();
        const ratio = (median(script) / median(floor.isolated)).toFixed(1);
        results.push(
          summarize(
            `  floor: the bare DOM work, isolated world`,
            'ms',
            floor.isolated,
            `query, read, clone, insert; nothing else (the content script: ${ratio}×)`,
          ),
        );
        results.push(
          summarize(
            `  floor: the same in the page's own world`,
            'ms',
            floor.pageWorld,
            'for comparison: no isolated-world wrappers',
          ),
        );
        results.push(
          summarize(
            `  floor: an attribute instead of a mark, isolated world`,
            'ms',
            floor.attributeOnly,
            'for comparison: a CSS-drawn dot (no title, focus or Call)',
          ),
        );
      }
    }

    const change: number[] = [];
    const touched = new Set<string>();
    for (let sample = 0; sample < 40; sample++) {
      const user = String(100 + sample);
      let client: TestClient | undefined;
      const joined = await flip(page, user, async () => {
        client = await connect(`${roster.wsUrl}?token=${users[Number(user) - 1]?.token ?? ''}`);
      });
      const left = await flip(page, user, async () => {
        await client?.close();
      });
      for (const result of [joined, left]) {
        change.push(result.scriptUs);
        touched.add(`${result.touched} of ${result.ofUser}`);
      }
    }
    results.push(
      summarize(
        'one user joins/leaves, 10,000 rows on the page',
        'µs',
        change,
        `marks changed / that user's rows: ${[...touched].join(', ')}`,
      ),
    );

    await markRows(page, 0, 0);
    await markRows(page, 1_000, 0);
    const rerenderMs: number[] = [];
    let inNextFrame = 0;
    for (let sample = 0; sample < 32; sample++) {
      const result = await rerender(page, 1_000, 1 + sample * 13);
      if (sample < 2) continue;
      rerenderMs.push(result.scriptMs);
      if (result.nextFrame) inNextFrame++;
    }
    results.push(
      summarize(
        'host re-renders all 1,000 rows',
        'ms',
        rerenderMs,
        `re-marked in the next frame: ${inNextFrame} of ${rerenderMs.length}`,
      ),
    );

    console.log('');
    console.log('| presence marks (headless Chromium, built content script) | median | p25–p75 | samples | notes |');
    console.log('| --- | ---: | ---: | ---: | --- |');
    for (const result of results) console.log(format(result));
  } finally {
    closeAllClients();
    await browser.close();
    pages.close();
    await roster.close();
  }
}

await main();

/**
 * The toolbar popup with 5,000 colleagues online (`ROSTER_BENCH_ONLINE` for another count: issue
 * 16 asks for 10,000), in headless Chromium with the built demo extension: the real background,
 * the real port, the real page. The reference server holds that many users (their names come from
 * its directory API) and tells the extension they are all online. `ROSTER_BENCH_EXT` names an
 * already built extension to load instead of building the demo one into .output.
 *
 * - Opening: a fresh popup page per sample; the page's own User Timing marks say when the
 *   background's state arrived, when the list was rendered and when that frame was done.
 * - Typing: real key presses (CDP) in the search box; the page measures from `keydown` to the
 *   list updated and laid out, and Event Timing reports keystrokes slower than a frame to paint.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { loadUsers, startServer } from '../dev/server/index';
import { encodeOnlineList } from '../utils/core/protocol/encode';
import type { UserId } from '../utils/core/protocol/schemas';
import { MARK_PAINTED, MARK_RENDERED, MARK_SCRIPT, MARK_STATE } from '../utils/pages/popup/perf-marks';
import { EXTENSION_DIR, launchWithExtension, type ExtensionBrowser } from '../tests/e2e/helpers/chromium';
import { saveSettings } from '../tests/e2e/helpers/popup-page';
import { benchPeople, TYPED } from './popup-data';
import { formatSpread, spread, type Spread } from './popup-stats';
import { workerHeapAfterGc } from './worker-heap';

const ONLINE = Number(process.env.ROSTER_BENCH_ONLINE ?? 5_000);
const ONLINE_TEXT = ONLINE.toLocaleString('en');
const PREBUILT = process.env.ROSTER_BENCH_EXT;
const OPENINGS = Number(process.env.POPUP_BENCH_OPENINGS ?? 40);
const ROUNDS = 5;
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const POPUP_VIEWPORT = { width: 360, height: 600 };
/** Every letter typed, then erased, each round. */
const TYPED_KEYS = ROUNDS * TYPED.reduce((keys, word) => keys + 2 * word.length, 0);

interface Opening {
  readonly script: number;
  readonly state: number;
  readonly rendered: number;
  readonly painted: number;
}

/** Opens the popup in a new page, as the toolbar button does, and reads its marks once the list is on screen. */
async function openPopup(browser: ExtensionBrowser): Promise<Opening> {
  const page = await browser.context.newPage();
  await page.setViewportSize(POPUP_VIEWPORT);
  await page.goto(browser.popupUrl);
  const opening = await page.evaluate(
    (marks) =>
      new Promise<Opening>((resolve) => {
        const at = (name: string) => performance.getEntriesByName(name)[0]?.startTime;
        const check = () => {
          const [script, state, rendered, painted] = [
            at(marks.script),
            at(marks.state),
            at(marks.rendered),
            at(marks.painted),
          ];
          if (script === undefined || state === undefined || rendered === undefined || painted === undefined)
            return void setTimeout(check, 5);
          resolve({ script, state, rendered, painted });
        };
        check();
      }),
    { script: MARK_SCRIPT, state: MARK_STATE, rendered: MARK_RENDERED, painted: MARK_PAINTED },
  );
  await page.close();
  return opening;
}

/**
 * In the page, per keystroke: from `keydown` to the list re-rendered (the mutation observer runs
 * right after Preact's commit), then with the browser's style and layout work forced at once; and
 * keystrokes whose key-to-next-paint exceeded a frame, as Event Timing reports them.
 */
async function instrumentTyping(page: Page): Promise<void> {
  await page.evaluate(() => {
    const bench = { rendered: [] as number[], keys: [] as number[], slow: [] as number[], bare: [] as number[] };
    (window as unknown as { rosterBench: typeof bench }).rosterBench = bench;
    let started: number | undefined;
    addEventListener('keydown', () => (started = performance.now()), true);
    const list = document.querySelector('.people');
    if (!list) throw new Error('no people list');
    new MutationObserver(() => {
      if (started === undefined) return;
      const start = started;
      started = undefined;
      bench.rendered.push(performance.now() - start);
      list.getBoundingClientRect();
      bench.keys.push(performance.now() - start);
    }).observe(list, { subtree: true, childList: true, attributes: true, characterData: true });
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as PerformanceEventTiming[]) {
        if (entry.name !== 'keydown') continue;
        (entry.target instanceof HTMLInputElement && entry.target.id === 'bench-bare' ? bench.bare : bench.slow).push(
          entry.duration,
        );
      }
    }).observe({ type: 'event', durationThreshold: 16 } as PerformanceObserverInit);
  });
}

interface Typing {
  readonly rendered: number[];
  readonly keys: number[];
  readonly slow: number[];
  /** The same keys in a bare `<input>` on the same page: what a frame's wait costs by itself. */
  readonly bare: number[];
}

async function typeInto(page: Page, selector: string): Promise<void> {
  await page.locator(selector).focus();
  for (let round = 0; round < ROUNDS; round++) {
    for (const word of TYPED) {
      await page.keyboard.type(word, { delay: 40 });
      for (let index = 0; index < word.length; index++) await page.keyboard.press('Backspace', { delay: 40 });
    }
  }
}

async function typeRounds(page: Page): Promise<Typing> {
  await typeInto(page, 'input[type="search"]');
  await page.evaluate(() => {
    const bare = document.createElement('input');
    bare.id = 'bench-bare';
    document.body.append(bare);
  });
  await typeInto(page, '#bench-bare');
  await new Promise((resolve) => setTimeout(resolve, 300));
  return page.evaluate(() => (window as unknown as { rosterBench: Typing }).rosterBench);
}

interface Results {
  readonly spreads: readonly Spread[];
  /** The service worker's JavaScript heap after GC, with everyone online and the directory's names. */
  readonly workerHeap: { readonly usedSize: number; readonly totalSize: number };
}

async function main(): Promise<Results | undefined> {
  if (!existsSync(CHROMIUM)) {
    console.log(`\npopup benchmark skipped: no Chromium at ${CHROMIUM}`);
    return undefined;
  }
  if (!PREBUILT) execFileSync('npx', ['wxt', 'build', '--mode', 'demo'], { stdio: 'ignore' });
  const extensionDir = PREBUILT ? resolve(PREBUILT) : EXTENSION_DIR;
  const people = benchPeople(ONLINE);
  const me = loadUsers()[0];
  if (!me) throw new Error('dev/users.json has no users');
  const users = [me, ...people.map((person) => ({ ...person, token: `bench-token-${person.id}` }))];
  const server = await startServer({ port: 0, users, heartbeatReply: false });
  const browser = await launchWithExtension({ extensionDir });
  try {
    await saveSettings(browser, {
      serverUrl: server.wsUrl,
      auth: { cookieUrl: `${server.httpUrl}/`, cookieName: 'USERTOKEN' },
      directory: { url: `${server.httpUrl}/api/users` },
    });
    const site = await browser.context.newPage();
    await site.goto(`${server.httpUrl}/login?userId=${me.id}`);
    await server.waitFor(() => server.connectionCount(me.id) === 1, 15_000);
    server.sendRaw(
      me.id,
      encodeOnlineList(
        [me, ...people].map((user) => ({ id: user.id as UserId })),
        'ids',
      ),
    );

    // tsx keeps function names with a `__name` helper that the page does not have.
    await browser.context.addInitScript({ content: 'globalThis.__name = (target) => target;' });
    const page = await browser.context.newPage();
    await page.setViewportSize(POPUP_VIEWPORT);
    // Ready when the popup lists everyone with their directory names.
    for (;;) {
      await page.goto(browser.popupUrl);
      await page.waitForSelector('main.popup[aria-busy="false"]');
      const tab = await page.getByRole('tab').first().textContent();
      const first = await page.locator('.person .name').first().textContent();
      if (tab === `Online (${ONLINE})` && first !== null && !/^\d+$/.test(first)) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }

    const openings: Opening[] = [];
    for (let sample = 0; sample < OPENINGS + 3; sample++) {
      const opening = await openPopup(browser);
      // The first few warm the browser's caches, as the popup opened many times a day has them.
      if (sample >= 3) openings.push(opening);
    }
    await page.goto(browser.popupUrl);
    await page.waitForSelector('.person');
    await instrumentTyping(page);
    const typing = await typeRounds(page);
    await page.close();
    const workerHeap = await workerHeapAfterGc(browser);
    const spreads = [
      spread(
        `popup open → list on screen (${ONLINE_TEXT} online)`,
        openings.map((opening) => opening.painted),
      ),
      spread(
        '… page load until our script runs (browser)',
        openings.map((opening) => opening.script),
      ),
      spread(
        '… script start → state received (port, snapshot)',
        openings.map((opening) => opening.state - opening.script),
      ),
      spread(
        '… state received → list rendered and painted',
        openings.map((opening) => opening.painted - opening.state),
      ),
      spread(
        '… … of which Preact’s render of the state',
        openings.map((opening) => opening.rendered - opening.state),
      ),
      spread('keystroke → list filtered and re-rendered', typing.rendered),
      spread('keystroke → … and style and layout done', typing.keys),
      {
        ...spread('keystrokes ≥ 16 ms from key to next paint (Event Timing)', typing.slow),
        note: `${typing.slow.length} of ${TYPED_KEYS}`,
      },
      {
        ...spread('… the same keys in a bare input (frame wait alone)', typing.bare),
        note: `${typing.bare.length} of ${TYPED_KEYS}`,
      },
    ];
    return { spreads, workerHeap };
  } finally {
    await browser.close();
    await server.close();
  }
}

const results = await main();
if (results) {
  console.log('');
  console.log('| popup in Chromium | median ms | p25–p75 ms | p95 ms | max ms | samples |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
  for (const result of results.spreads) console.log(formatSpread(result));
  const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
  console.log('');
  console.log(
    `service worker heap after GC (CDP), ${ONLINE_TEXT} online with directory names: ${mib(results.workerHeap.usedSize)} used of ${mib(results.workerHeap.totalSize)}`,
  );
}

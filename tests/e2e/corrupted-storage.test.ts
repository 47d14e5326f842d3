import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, onTestFinished, test } from 'vitest';
import type { RosterServer } from '../../dev/server/index';
import { killServiceWorker, type ExtensionBrowser } from './helpers/chromium';
import { ChromiumWorld } from './helpers/chromium-world';
import { fill, openOptionsPage } from './helpers/options-page';
import { headline, openPopupPage } from './helpers/popup-page';

/**
 * Hand-written garbage in each key Roster stores, then a worker restart: that key gives way to its
 * default with a warning in the worker's console, every other key is left as it was, and the popup
 * and the options page open and work.
 */

type Area = 'local' | 'session';
type Stored = Record<string, unknown>;

const KEYS: readonly { readonly area: Area; readonly key: string }[] = [
  { area: 'local', key: 'settings' },
  { area: 'local', key: 'calls-v1' },
  { area: 'local', key: 'identity-learned-v1' },
  { area: 'session', key: 'roster-mirror-v1' },
];

/** A sign-in Roster learned from the server earlier (hash of some other token). */
const LEARNED = [{ hash: 'a'.repeat(32), id: '9', name: 'Someone else' }];

/** With the test settings (calls missed after 5 s). */
const world = new ChromiumWorld();
const { colleagues } = world;
let server: RosterServer;
let browser: ExtensionBrowser;
/** The host site's tab, signed in as user 1. */
let site: Page;
/** Everything the worker logs, across restarts (the same handle talks to each new worker). */
const logged: string[] = [];

const readAll = (): Promise<Stored> =>
  browser.worker.evaluate(async (keys) => {
    const all: Record<string, unknown> = {};
    for (const { area, key } of keys) all[key] = (await chrome.storage[area].get(key))[key];
    return all;
  }, KEYS);

const write = (area: Area, key: string, value: unknown): Promise<void> =>
  browser.worker.evaluate(async ({ area, key, value }) => chrome.storage[area].set({ [key]: value }), {
    area,
    key,
    value,
  });

const callIds = (calls: unknown): string[] => {
  const records = (calls as { records?: unknown } | undefined)?.records;
  return Array.isArray(records) ? records.map((record: { id: string }) => record.id) : [];
};

beforeAll(async () => {
  await world.start({ settings: { notifications: { ringTimeoutSeconds: 5 } } });
  ({ server, browser } = world);
  browser.worker.on('console', (message) => logged.push(`${message.type()}: ${message.text()}`));
  await write('local', 'identity-learned-v1', LEARNED);
  site = await world.signIn();
  // A call in the log, and the mirror written: every key holds something worth keeping.
  await colleagues.join('2');
  colleagues.call('2');
  for (
    const deadline = Date.now() + 10_000;
    Date.now() < deadline;
    await new Promise((resolve) => setTimeout(resolve, 100))
  ) {
    const stored = await readAll();
    if (callIds(stored['calls-v1']).length === 1 && stored['roster-mirror-v1'] !== undefined) return;
  }
  throw new Error('the call log and the mirror were never written');
});

afterAll(() => world.stop());

describe.each([
  { key: 'settings', garbage: '{"serverUrl": ws://oops', warning: /saved settings/ },
  { key: 'calls-v1', garbage: { records: 'all of them', unseen: 'many' }, warning: /call log is damaged/ },
  // Read only when a sign-in is new to the worker: signing in again makes it look.
  {
    key: 'identity-learned-v1',
    garbage: 12_345,
    warning: /learned identities in storage are unreadable/,
    signInAgain: true,
  },
  {
    key: 'roster-mirror-v1',
    garbage: { presence: { online: 'everyone' } },
    warning: /mirrored state in storage\.session is unreadable/,
  },
])('garbage in $key', ({ key, garbage, warning, signInAgain = false }) => {
  test('a restarted worker warns, keeps the other keys, and the popup and options page work', async () => {
    const area = KEYS.find((entry) => entry.key === key)?.area ?? 'local';
    const before = await readAll();
    await write(area, key, garbage);
    // The next case starts from the values this one began with, whatever happens here.
    onTestFinished(() => write(area, key, before[key]));
    const loggedBefore = logged.length;

    await killServiceWorker(browser);
    // The popup's port wakes a new worker.
    const popup = await openPopupPage(browser);
    if (signInAgain) {
      await site.goto(`${server.httpUrl}/logout`);
      await server.waitFor(() => server.connectionCount('1') === 0, 10_000);
      await site.goto(`${server.httpUrl}/login?userId=1`);
    }
    await expect
      .poll(() => logged.slice(loggedBefore).find((line) => warning.test(line)), { timeout: 10_000 })
      .toMatch(/^warning: \[roster:/);

    const after = await readAll();
    // Nothing else lost: the other keys are as they were (the mirror and the log are rewritten with the
    // same content by the new worker, so those compare by what they hold).
    for (const { key: other } of KEYS.filter((entry) => entry.key !== key)) {
      if (other === 'roster-mirror-v1') expect(after[other]).toMatchObject({ presence: { online: expect.any(Array) } });
      else if (other === 'calls-v1') expect(callIds(after[other])).toEqual(callIds(before[other]));
      else expect(after[other]).toEqual(before[other]);
    }

    const options = await openOptionsPage(browser);
    if (key === 'settings') {
      // Defaults, not the garbage and not a half-read value; saving from the form repairs the key.
      expect(await options.page.locator('#field-serverUrl').inputValue()).toBe('ws://localhost:8787/ws');
      await fill(options.page, 'serverUrl', server.wsUrl);
      await fill(options.page, 'auth.cookieUrl', `${server.httpUrl}/`);
      await options.page.getByRole('button', { name: 'Save' }).click();
      await expect
        .poll(() => options.page.locator('.savebar__status').textContent())
        .toBe('Saved. Roster is using the new settings.');
    } else {
      expect(await options.page.locator('#field-serverUrl').inputValue()).toBe(server.wsUrl);
    }
    await expect.poll(() => headline(popup.page), { timeout: 15_000 }).toBe('Connected');
    await expect
      .poll(() => popup.page.locator('.person .name').allTextContents(), { timeout: 10_000 })
      .toEqual(['李四']);
    await server.waitFor(() => server.connectionCount('1') === 1, 10_000);
    expect(popup.errors).toEqual([]);
    expect(options.errors).toEqual([]);

    await options.page.close();
    await popup.page.close();
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { startServer, type RosterServer } from '../../dev/server/index';
import { EXTENSION_DIR, launchWithExtension, type ExtensionBrowser } from './helpers/chromium';
import { ChromiumWorld } from './helpers/chromium-world';
import {
  fieldSelector,
  fill,
  OPTIONS_SHOTS_DIR,
  openOptionsPage,
  shootOptions,
  storedSettings,
  type OptionsPage,
} from './helpers/options-page';
import {
  canWritePolicies,
  extensionIdFromKey,
  keyedCopyOfDemoBuild,
  policyFile,
  type KeyedBuild,
  type PolicyFile,
} from './helpers/options-policy';
import { startStaffSite, type StaffSite } from './helpers/options-site';
import { launchOptions } from './helpers/popup-page';

/** The demo build's id, as the README documents it for policy files. */
const DEMO_ID = 'nehbojjjlciiofmcpheindobdgmmddph';

/** Settings pointing at `server`, as a person would have saved them before today. */
function settingsFor(server: RosterServer): Record<string, unknown> {
  return {
    serverUrl: server.wsUrl,
    auth: { cookieUrl: `${server.httpUrl}/`, cookieName: 'USERTOKEN' },
    directory: { url: `${server.httpUrl}/api/users` },
  };
}

async function saveSettings(browser: ExtensionBrowser, settings: Record<string, unknown>): Promise<void> {
  await browser.worker.evaluate(async (value) => {
    await chrome.storage.local.set({ settings: value });
  }, settings);
}

async function signIn(browser: ExtensionBrowser, server: RosterServer): Promise<Page> {
  const site = await browser.context.newPage();
  await site.goto(`${server.httpUrl}/login?userId=1`);
  return site;
}

/** The marks Roster drew in the custom page, by the row's user id. */
function staffMarks(page: Page): Promise<{ uid: string; state: string }[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('li.person roster-mark')].map((mark) => ({
      uid: mark.closest('li')?.getAttribute('data-uid') ?? '',
      state: mark.getAttribute('data-roster-state') ?? '',
    })),
  );
}

describe('the options page in real Chromium', () => {
  /** Its server is the one Roster was set up for before today (the old one). */
  const world = new ChromiumWorld();
  let oldServer: RosterServer;
  let newServer: RosterServer;
  let staff: StaffSite;
  let browser: ExtensionBrowser;
  /** The test's own options page, opened after the staff tab. */
  let options: OptionsPage;
  let staffTab: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    [newServer, staff] = await Promise.all([startServer({ port: 0 }), startStaffSite(), world.start()]);
    ({ server: oldServer, browser } = world);
  });

  // Each test starts as a person would today: settings for the old server, signed in and connected
  // there, the custom staff page open in a tab, then the options page.
  beforeEach(async () => {
    await world.reset();
    await oldServer.waitFor(() => oldServer.connectionCount('1') === 1, 15_000);
    staffTab = await browser.context.newPage();
    await staffTab.goto(staff.url);
    options = await openOptionsPage(browser);
  });

  afterEach(() => {
    errors.push(...options.errors);
  });

  afterAll(async () => {
    expect(errors).toEqual([]);
    await world.stop();
    await Promise.all([newServer.close(), staff.close()]);
  });

  test('the demo build has the stable id the README names, from its manifest key', () => {
    const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8')) as { key: string };
    expect(extensionIdFromKey(manifest.key)).toBe(DEMO_ID);
    expect(browser.extensionId).toBe(DEMO_ID);
  });

  test('a new server and a custom site profile, set up through the page: Roster reconnects there and marks the custom list', async () => {
    const { page } = options;
    await shootOptions(page, 'en', 'start');

    // Server, sign-in site and user list of the new system.
    await fill(page, 'serverUrl', newServer.wsUrl);
    await fill(page, 'auth.cookieUrl', `${newServer.httpUrl}/`);
    await fill(page, 'directory.url', `${newServer.httpUrl}/api/users`);
    await page.getByRole('button', { name: 'Test connection' }).click();
    await expect
      .poll(() => page.locator('#server .probe').textContent(), { timeout: 15_000 })
      .toMatch(/^Connected as 章三\. \d+ online now\.$/);
    await page.locator('#directory').getByRole('button', { name: 'Test' }).click();
    await expect
      .poll(() => page.locator('#directory .probe').textContent(), { timeout: 15_000 })
      .toMatch(/^Read \d+ users, e\.g\. 章三, 李四, 王五\.$/);

    // The custom page: Roster runs there, and a profile reads it.
    await fill(page, 'sites.matches', `${newServer.httpUrl}/*\n${staff.pattern}`);
    await page.getByRole('button', { name: 'Add a profile' }).click();
    await fill(page, 'sites.profiles.0.label', 'Staff list');
    await fill(page, 'sites.profiles.0.rows', 'li.person');
    await page.selectOption(fieldSelector('sites.profiles.0.id', 'from'), 'attribute');
    await fill(page, 'sites.profiles.0.id.attribute', 'data-uid');
    await page.selectOption(fieldSelector('sites.profiles.0.name', 'from'), 'text');
    await fill(page, 'sites.profiles.0.name.selector', '.who');

    // The live tester, on the open tab of that page.
    await page.selectOption('#sites-profiles-0-tester-tab', {
      label: `Staff · custom admin page — ${new URL(staff.url).host}`,
    });
    await page.getByRole('button', { name: 'Test on this tab' }).click();
    await expect
      .poll(() => page.locator('.tester .findings').first().textContent(), { timeout: 10_000 })
      .toContain('Rows matched: 3 · users read: 3.');
    expect(await page.locator('.findings__table tbody tr').allTextContents()).toEqual([
      '11章三',
      '22李四',
      '34Alice Martin',
    ]);
    expect(await staffTab.locator('[data-roster-test="user"]').count()).toBe(3);
    // Live: an edit is tried again in the tab without another click.
    await fill(page, 'sites.profiles.0.rows', 'li.person[data-uid="2"]');
    await expect.poll(() => staffTab.locator('[data-roster-test="user"]').count()).toBe(1);
    await fill(page, 'sites.profiles.0.rows', 'li.person');
    await expect.poll(() => staffTab.locator('[data-roster-test="user"]').count()).toBe(3);
    await page.locator('.tester .findings').evaluate((element) => element.scrollIntoView({ block: 'center' }));
    await shootOptions(page, 'en', 'profile-tester');
    await staffTab.screenshot({ path: join(OPTIONS_SHOTS_DIR, 'en', 'tester-outlines-in-tab.png') });

    await page.getByRole('button', { name: 'Save' }).click();
    await expect
      .poll(() => page.locator('.savebar__status').textContent())
      .toBe('Saved. Roster is using the new settings.');

    // Applied live: the one connection moves to the new server…
    await newServer.waitFor(() => newServer.connectionCount('1') === 1, 15_000);
    await oldServer.waitFor(() => oldServer.connectionCount('1') === 0, 15_000);
    // …and the custom list gets its marks (the tab open since before is covered at once).
    await expect
      .poll(() => staffMarks(staffTab), { timeout: 15_000 })
      .toEqual([
        { uid: '1', state: 'me' },
        { uid: '2', state: 'offline' },
        { uid: '4', state: 'offline' },
      ]);
    // Stopping the test removed its outlines from the host page.
    await page.getByRole('button', { name: 'Stop testing' }).click();
    await expect.poll(() => staffTab.locator('[data-roster-test]').count()).toBe(0);
    const stored = (await storedSettings(browser)) as { serverUrl: string; sites: { profiles: unknown[] } };
    expect(stored.serverUrl).toBe(newServer.wsUrl);
    expect(stored.sites.profiles).toEqual([
      {
        label: 'Staff list',
        rows: 'li.person',
        id: { from: 'attribute', attribute: 'data-uid' },
        name: { from: 'text', selector: '.who' },
        mark: { position: 'before' },
      },
    ]);
  });

  test('a problem is shown next to its field, and nothing is saved', async () => {
    const { page } = options;
    const before = await storedSettings(browser);
    await fill(page, 'serverUrl', 'https://admin.example.com/ws');
    const error = page.locator('#field-serverUrl-error');
    expect(await error.textContent()).toBe('!Enter a ws:// or wss:// address.');
    expect(await page.locator(fieldSelector('serverUrl')).getAttribute('aria-describedby')).toContain(
      'field-serverUrl-error',
    );
    await page.locator(fieldSelector('serverUrl')).focus();
    await page.keyboard.press('Control+S');
    await expect
      .poll(() => page.locator('.savebar__status').textContent())
      .toBe('Not saved. Fields to fix: 1 (marked in red).');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('field-serverUrl');
    await page.locator('#server').scrollIntoViewIfNeeded();
    await shootOptions(page, 'en', 'invalid');
    expect(await storedSettings(browser)).toEqual(before);
    await page.getByRole('button', { name: 'Discard changes' }).click();
  });

  test('importing a bad file: a clear error, and the old settings intact', async () => {
    // Roster was set up for the new server since: the options page opens on its settings.
    await saveSettings(browser, settingsFor(newServer));
    await newServer.waitFor(() => newServer.connectionCount('1') === 1, 15_000);
    await options.page.reload();
    await options.page.waitForSelector('#field-serverUrl');
    const { page } = options;
    const before = await storedSettings(browser);
    const importFile = async (name: string, text: string) => {
      const chooser = page.waitForEvent('filechooser');
      await page.getByRole('button', { name: 'Import…' }).click();
      await (await chooser).setFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
    };

    await importFile('broken.json', '{ "serverUrl": "ws://x/ws", ');
    const alert = page.getByRole('alert');
    await expect
      .poll(() => alert.textContent())
      .toMatch(/^broken\.json was not imported\.It is not valid JSON: .+Nothing was changed\.Dismiss$/);
    await page.getByRole('button', { name: 'Dismiss' }).click();

    await importFile(
      'wrong.json',
      JSON.stringify({ serverUrl: 'https://x/', notifications: { volume: 3 }, sites: { profiles: [{ rows: 'li[' }] } }),
    );
    await expect
      .poll(() => alert.locator('li').allTextContents())
      .toEqual([
        'serverUrl: Enter a ws:// or wss:// address.',
        'notifications.volume: Enter a number from 0 to 1.',
        'sites.profiles.0.rows: Not a valid CSS selector.',
        'sites.profiles.0.id: Read at least the ID or the name.',
      ]);
    await alert.evaluate((element) => element.scrollIntoView({ block: 'center' }));
    await shootOptions(page, 'en', 'import-refused');
    expect(await storedSettings(browser)).toEqual(before);
    expect(await page.locator(fieldSelector('serverUrl')).inputValue()).toBe(newServer.wsUrl);
    // Nothing waits to be saved either: the form is as it was.
    expect(await page.getByRole('button', { name: 'Discard changes' }).count()).toBe(0);
    expect(await page.locator('.savebar__status').textContent()).toBe(
      'wrong.json was not imported. Nothing was changed.',
    );
  });

  test('whole page, light and dark', async () => {
    await options.page.evaluate(() => window.scrollTo(0, 0));
    await shootOptions(options.page, 'en', 'full', { fullPage: true });
  });
});

describe('the options page in Chinese', () => {
  const world = new ChromiumWorld();

  beforeAll(() => world.start(launchOptions('zh_CN')));

  afterAll(() => world.stop());

  test('every string is translated; errors too', async () => {
    const { page, errors } = await openOptionsPage(world.browser);
    const language = await page.evaluate(() => chrome.i18n.getUILanguage());
    if (!language.startsWith('zh')) {
      console.warn(`Chromium shows extension pages in ${language}: install chromium-l10n for the Chinese screenshots`);
      return;
    }
    expect(await page.locator('h1').textContent()).toBe('Roster 设置');
    await shootOptions(page, 'zh_CN', 'start');
    await shootOptions(page, 'zh_CN', 'full', { fullPage: true });
    await fill(page, 'serverUrl', 'http://admin.example.com/ws');
    expect(await page.locator('#field-serverUrl-error').textContent()).toBe('!请输入 ws:// 或 wss:// 地址。');
    await page.getByRole('button', { name: '添加规则' }).click();
    await page.locator('#sites').scrollIntoViewIfNeeded();
    await shootOptions(page, 'zh_CN', 'profile');
    expect(errors).toEqual([]);
  });
});

describe('an IT policy (a Chromium policy file)', () => {
  const allowed = canWritePolicies();
  let server: RosterServer;
  let decoy: RosterServer;
  let build: KeyedBuild;
  let policy: PolicyFile;
  let browser: ExtensionBrowser | undefined;

  beforeAll(async () => {
    if (!allowed) return;
    [server, decoy] = await Promise.all([startServer({ port: 0 }), startServer({ port: 0 })]);
    build = keyedCopyOfDemoBuild();
    policy = policyFile(build.id);
  });

  afterAll(async () => {
    // Removed whatever happened: the directory is read by every Chromium on this machine.
    if (!allowed) return;
    policy.remove();
    await browser?.close();
    build.remove();
    await Promise.all([server.close(), decoy.close()]);
  });

  test.skipIf(!allowed)(
    'a forced serverUrl wins over the saved one, is shown locked, and a policy change applies live',
    async () => {
      try {
        policy.write({ serverUrl: server.wsUrl });
        browser = await launchWithExtension({ extensionDir: build.dir });
        expect(browser.extensionId).toBe(build.id);
        // The user had saved another server: the policy's wins.
        await saveSettings(browser, { ...settingsFor(server), serverUrl: decoy.wsUrl });
        await signIn(browser, server);
        await server.waitFor(() => server.connectionCount('1') === 1, 20_000);
        // Chromium answers the policy seconds after start; until then Roster may use the saved server.
        await decoy.waitFor(() => decoy.connectionCount('1') === 0, 20_000);

        const { page, errors } = await openOptionsPage(browser);
        const input = page.locator(fieldSelector('serverUrl'));
        await expect.poll(() => input.isDisabled(), { timeout: 15_000 }).toBe(true);
        expect(await input.inputValue()).toBe(server.wsUrl);
        expect(await page.locator('#field-serverUrl-lock').textContent()).toBe('Set by your organisation');
        expect(await input.getAttribute('aria-describedby')).toContain('field-serverUrl-lock');
        expect(await page.getByText('Managed by your organisation').count()).toBe(1);
        // Other fields stay the user's.
        expect(await page.locator(fieldSelector('auth.cookieName')).isDisabled()).toBe(false);
        await shootOptions(page, 'en', 'policy-locked');

        // IT changes the policy: Chromium reloads the file by itself, and Roster follows.
        policy.write({ serverUrl: decoy.wsUrl });
        await expect.poll(() => input.inputValue(), { timeout: 45_000 }).toBe(decoy.wsUrl);
        await decoy.waitFor(() => decoy.connectionCount('1') === 1, 20_000);
        expect(errors).toEqual([]);
      } finally {
        policy.remove();
      }
    },
    180_000,
  );
});

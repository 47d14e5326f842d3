import { existsSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { botUsers, seededRandom, startBots } from '../../dev/bots/index';
import type { Language } from '../unit/components/popup/helpers/messages';
import { ChromiumWorld, type ChromiumWorldOptions } from './helpers/chromium-world';
import { headline, launchOptions, openPopupPage, saveSettings, say, shoot, type PopupPage } from './helpers/popup-page';
import { serverNames, testSettings } from './helpers/popup-world';
import { popupNames } from './helpers/roster-page';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** One browser as user 1 (章三) against one reference server, with the test settings (calls missed after 5 s). */
function worldOptions(language: Language): ChromiumWorldOptions {
  return { ...launchOptions(language), settings: { notifications: { ringTimeoutSeconds: 5 } } };
}

describe('the popup in real Chromium', () => {
  const world = new ChromiumWorld();
  /** The test's own popup. */
  let popup: PopupPage;

  beforeAll(() => world.start(worldOptions('en')));

  // Whatever the test before did (server stopped, signed out, someone else online, a bot's call
  // still ringing), each starts signed in, with 李四 and Alice Martin online and a new popup that
  // lists them and shows no call ringing.
  beforeEach(async () => {
    await world.reset('2', '4');
    popup = await openPopupPage(world.browser);
    await expect
      .poll(async () => (await popupNames(popup.page)).join('|') === serverNames(world.server).join('|'), {
        timeout: 10_000,
      })
      .toBe(true);
    // A call rings for 5 s (the test settings), then it is missed.
    await expect.poll(() => popup.page.locator('.ringing').count(), { timeout: 10_000 }).toBe(0);
  });

  const errors: string[] = [];

  afterEach(async () => {
    errors.push(...popup.errors);
    await popup.page.close();
  });

  afterAll(async () => {
    expect(errors).toEqual([]);
    await world.stop();
  });

  test('the list matches the server’s online set while bots come and go', async () => {
    const bots = new AbortController();
    const fleet = startBots({
      wsUrl: world.server.wsUrl,
      users: botUsers(world.server.users),
      count: 8,
      speed: 40,
      random: seededRandom(4),
      signal: bots.signal,
    });
    for (let look = 0; look < 4; look++) {
      // Whenever someone looks, the list catches up with the server within moments.
      await expect
        .poll(async () => (await popupNames(popup.page)).join('|') === serverNames(world.server).join('|'), {
          timeout: 10_000,
        })
        .toBe(true);
      await sleep(700);
    }
    bots.abort();
    await fleet.done;
    await expect.poll(() => popupNames(popup.page), { timeout: 10_000 }).toEqual(['Alice Martin', '李四']);
    expect(await popup.page.getByRole('tab').first().textContent()).toBe('Online (2)');
    expect(await popup.page.locator('.me').textContent()).toContain('You: 章三');
  });

  test('the key to the popup: the manifest suggests Alt+Shift+R, and the footer says what the browser made of it', async () => {
    const manifest = await popup.page.evaluate(() => chrome.runtime.getManifest());
    expect(manifest.commands).toEqual({ _execute_action: { suggested_key: { default: 'Alt+Shift+R' } } });
    const [command] = (await popup.page.evaluate(() => chrome.commands.getAll())).filter(
      (found) => found.name === '_execute_action',
    );
    // Headless Chromium binds no keys (it reports ""); a desktop browser reports "Alt+Shift+R".
    const footer = command?.shortcut ? `${command.shortcut} opens RosterChange` : 'No key opens Roster yetSet a key';
    await expect.poll(() => popup.page.locator('footer.footer').textContent()).toBe(footer);
  });

  test('search filters by name, pinyin initials and id', async () => {
    const search = popup.page.getByRole('searchbox', { name: 'Search colleagues by name or ID' });
    expect(await search.evaluate((element) => element === document.activeElement)).toBe(true);
    for (const [query, names] of [
      ['ALI', ['Alice Martin']],
      ['ls', ['李四']],
      ['4', ['Alice Martin']],
      ['', ['Alice Martin', '李四']],
    ] as const) {
      await search.fill(query);
      expect(await popupNames(popup.page)).toEqual(names);
    }
  });

  test('Enter, Enter calls: the callee’s socket gets a correct legacy frame, and the row says so', async () => {
    const search = popup.page.getByRole('searchbox');
    await search.fill('李四');
    await search.press('Enter');
    expect(await popup.page.locator('.is-armed .name').textContent()).toBe('李四');
    expect(world.colleagues.pendingCalls('2')).toBe(0);
    await search.press('Enter');
    const frame = await world.colleagues.nextCall('2');
    expect(frame).toMatchObject({
      Sender: '1',
      Receiver: '2',
      Type: 'Event',
      Message: { Event: 'Call', Data: { type: '呼叫', sender: '章三', receiver: '李四' } },
    });
    expect((frame as { SendTime: string }).SendTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}[+-]\d\d:\d\d$/);
    await expect.poll(() => popup.page.locator('.person .call-status').textContent()).toMatch(/^Sent at /);
    await search.fill('');
  });

  test('a double-click rings once', async () => {
    await popup.page.getByRole('searchbox').fill('');
    await popup.page.getByRole('button', { name: 'Call Alice Martin' }).dblclick();
    await world.colleagues.nextCall('4');
    await sleep(1_500);
    expect(world.colleagues.pendingCalls('4')).toBe(0);
  });

  test('a call ringing now: shown at once, and calling back reaches the caller', async () => {
    await world.colleagues.join('3');
    world.colleagues.call('3');
    const ringing = popup.page.getByRole('region', { name: 'Calling you now' });
    await expect.poll(() => ringing.textContent(), { timeout: 5_000 }).toContain('王五 is calling you');
    await ringing.getByRole('button', { name: 'Call 王五 back' }).click();
    expect(await world.colleagues.nextCall('3')).toMatchObject({
      Sender: '1',
      Receiver: '3',
      Message: { Data: { type: '呼叫' } },
    });
    await expect.poll(() => ringing.count()).toBe(0);
    await popup.page.getByRole('tab', { name: /^Calls/ }).click();
    expect(await popup.page.locator('.call-entry').first().textContent()).toContain('王五');
    await popup.page.getByRole('tab', { name: /^Online/ }).click();
  });

  test('a call while the popup is closed shows on the badge; opening the popup clears it', async () => {
    await world.colleagues.join('3');
    const badge = () => world.browser.worker.evaluate(() => chrome.action.getBadgeText({}));
    errors.push(...popup.errors);
    await popup.page.close();
    world.colleagues.call('3');
    await expect.poll(badge, { timeout: 5_000 }).toBe('1');
    popup = await openPopupPage(world.browser);
    await expect.poll(badge, { timeout: 5_000 }).toBe('');
    // Opened because of a missed call? This one still rings: it is shown above the tabs.
    expect(await popup.page.getByRole('region', { name: 'Calling you now' }).textContent()).toContain(
      '王五 is calling you',
    );
    await popup.page
      .getByRole('region', { name: 'Calling you now' })
      .getByRole('button', { name: 'Dismiss the call from 王五' })
      .click();
    await expect.poll(() => popup.page.locator('.ringing').count()).toBe(0);
  });

  test('server down: the state, the countdown and retry now; back when the server is', async () => {
    await world.server.close();
    world.colleagues.forgetAll();
    await expect
      .poll(() => headline(popup.page), { timeout: 10_000 })
      .toMatch(/^(Connection lost|Cannot reach the server)$/);
    await expect
      .poll(() => popup.page.locator('.status__countdown').textContent(), { timeout: 10_000 })
      .toMatch(/^Reconnecting in \d+ s$/);
    // The wait is jittered: only with several seconds left is it Retry now, not the timer, that reconnects.
    await expect
      .poll(() => popup.page.locator('.status__countdown').textContent(), { timeout: 60_000 })
      .toMatch(/^Reconnecting in ([5-9]|\d{2,}) s$/);
    await world.restartServer();
    await popup.page.getByRole('button', { name: 'Retry now' }).click();
    await expect.poll(() => headline(popup.page), { timeout: 15_000 }).toBe('Connected');
  });

  test('signed out on the host site: sign-in needed, with a link to its sign-in page', async () => {
    await world.openHostTab('/logout');
    await expect.poll(() => headline(popup.page), { timeout: 10_000 }).toBe('Sign in to the admin site to go online');
    const link = popup.page.getByRole('link', { name: 'Open the sign-in page' });
    expect(await link.getAttribute('href')).toBe(`${world.server.httpUrl}/`);
    const opened = world.browser.context.waitForEvent('page');
    await link.click();
    expect((await opened).url()).toBe(`${world.server.httpUrl}/`);
  });
});

/**
 * Chromium shows extension pages in Chinese only when its Chinese locale is installed (Debian:
 * `chromium-l10n`); without it the browser falls back to English and the Chinese tour cannot run.
 */
const chineseInstalled = existsSync('/usr/lib/chromium/locales/zh-CN.pak');
if (!chineseInstalled)
  console.warn(
    'e2e: no zh-CN locale for Chromium (apt-get install chromium-l10n): the Chinese screenshots are skipped',
  );
const languages: Language[] = chineseInstalled ? ['en', 'zh_CN'] : ['en'];

describe.each(languages)('every state of the popup, light and dark, in %s', (language) => {
  const world = new ChromiumWorld();
  /** The host site's tab, signed in. */
  let site: Page;
  const shots: string[] = [];

  beforeAll(async () => {
    await world.start(worldOptions(language));
    site = await world.signIn();
    await world.colleagues.join('2', '3', '4', '6', '9', '13', '21');
  });

  afterAll(async () => {
    await world.stop();
    console.info(`e2e: ${shots.length} popup screenshots in ${language}, e.g. ${shots[0] ?? '-'}`);
  });

  test('screenshots of each state', { timeout: 240_000 }, async () => {
    const { page, errors } = await openPopupPage(world.browser);
    const expectHeadline = (key: string) =>
      expect.poll(() => headline(page), { timeout: 30_000 }).toBe(say(language, key));
    const search = page.getByRole('searchbox');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe(language === 'en' ? 'en-US' : 'zh-CN');

    await expectHeadline('statusConnected');
    await expect.poll(() => page.locator('.person').count()).toBe(7);
    shots.push(...(await shoot(page, language, '01-connected')));

    await search.fill('al');
    await search.press('Enter');
    shots.push(...(await shoot(page, language, '02-search-armed')));
    await search.press('Enter');
    await expect.poll(() => page.locator('.person .call-status.tone--ok').count()).toBe(1);
    shots.push(...(await shoot(page, language, '03-call-sent')));

    await search.press('Escape');
    await page.getByRole('button', { name: say(language, 'popupOfflineSection', '22') }).click();
    shots.push(...(await shoot(page, language, '04-offline-open')));

    world.colleagues.call('2');
    await expect.poll(() => page.locator('.ringing').count(), { timeout: 5_000 }).toBe(1);
    shots.push(...(await shoot(page, language, '05-ringing')));

    // Five seconds unanswered (the test settings' ring time) make it a missed call.
    await expect.poll(() => page.locator('.ringing').count(), { timeout: 15_000 }).toBe(0);
    await page.getByRole('tab', { name: new RegExp(`^${say(language, 'popupTabCalls')}`) }).click();
    await expect.poll(() => page.locator('.call-entry.is-missed').count()).toBe(1);
    shots.push(...(await shoot(page, language, '06-calls-missed')));

    await page.getByRole('checkbox', { name: say(language, 'popupDnd') }).check();
    await expect.poll(() => page.locator('.dnd-note').count()).toBe(1);
    shots.push(...(await shoot(page, language, '07-do-not-disturb')));
    await page.getByRole('checkbox').uncheck();
    await page.getByRole('tab').first().click();

    await world.server.close();
    world.colleagues.forgetAll();
    await expect.poll(() => page.locator('.status__countdown').count(), { timeout: 10_000 }).toBe(1);
    shots.push(...(await shoot(page, language, '08-reconnecting')));
    // Five failed attempts first: with the backoff's full jitter (1.5 s base) that takes 23 s on average, 47 s at most.
    await expect.poll(() => headline(page), { timeout: 60_000 }).toBe(say(language, 'statusCannotReach'));
    shots.push(...(await shoot(page, language, '09-cannot-reach')));

    await world.restartServer();
    await page.getByRole('button', { name: say(language, 'retryNow') }).click();
    await expectHeadline('statusConnected');
    await site.goto(`${world.server.httpUrl}/logout`);
    await expectHeadline('statusSignIn');
    shots.push(...(await shoot(page, language, '10-sign-in-needed')));

    await saveSettings(world.browser, testSettings(world.server, { serverUrl: '' }));
    await expectHeadline('statusNotSetUp');
    shots.push(...(await shoot(page, language, '11-not-set-up')));

    await saveSettings(
      world.browser,
      testSettings(world.server, {
        serverUrl: 'wss://roster.example.com/ws',
        auth: { cookieUrl: 'https://admin.example.com/' },
      }),
    );
    await expectHeadline('statusNoPermission');
    shots.push(...(await shoot(page, language, '12-no-permission')));

    expect(errors).toEqual([]);
  });
});

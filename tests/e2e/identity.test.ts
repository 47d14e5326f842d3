import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import type { RosterServer } from '../../dev/server/index';
import { clickToastButton, toastTexts } from './helpers/call-toasts';
import type { ExtensionBrowser } from './helpers/chromium';
import { ChromiumWorld } from './helpers/chromium-world';
import { openPopupPage } from './helpers/popup-page';

/**
 * The host shape the original recipe had, which the convenient demo does not: an opaque session
 * token (no JWT claims) and numeric ids. Roster is told nothing about who the user is beyond the
 * defaults and one source.
 */
const notifications = (browser: ExtensionBrowser) => browser.worker.evaluate(() => chrome.notifications.getAll());
const heard = (tab: Page) =>
  tab.evaluate(() => (window as unknown as { heardCalls?: unknown[] }).heardCalls?.length ?? 0);

async function hostTabs(browser: ExtensionBrowser, server: RosterServer, count: number): Promise<Page[]> {
  const tabs: Page[] = [];
  for (let index = 0; index < count; index++) {
    const tab = await browser.context.newPage();
    await tab.goto(server.httpUrl);
    await tab.evaluate(() => {
      const heardCalls: unknown[] = [];
      Object.assign(window, { heardCalls });
      window.addEventListener('roster:call', (event) => heardCalls.push((event as CustomEvent).detail));
    });
    await tab.waitForSelector('[class*="roster"]', { timeout: 15_000 });
    tabs.push(tab);
  }
  return tabs;
}

describe('opaque session tokens, numeric ids, the user read from the page’s Vuex store', () => {
  const world = new ChromiumWorld();
  const { colleagues } = world;
  let server: RosterServer;
  let browser: ExtensionBrowser;
  let tabs: Page[];

  beforeAll(async () => {
    await world.start({
      server: { tokens: 'opaque', idType: 'number' },
      settings: { identity: { url: '', pageKey: 'vuex' } },
    });
    ({ server, browser } = world);
    await colleagues.join('2', '3');
    const login = await world.signIn();
    expect(await login.evaluate(() => JSON.parse(localStorage.getItem('vuex') ?? 'null') as unknown)).toMatchObject({
      user: { id: 1 },
    });
    tabs = [login, ...(await hostTabs(browser, server, 2))];
    await tabs[2]?.bringToFront();
  });

  afterAll(() => world.stop());

  test('the popup names me from the page and never lists me among the colleagues', async () => {
    const { page, errors } = await openPopupPage(browser);
    await expect.poll(() => page.locator('.me__name').textContent(), { timeout: 10_000 }).toContain('章三');
    await expect
      .poll(() => page.locator('.person .name').allTextContents())
      .toEqual(expect.arrayContaining(['李四', '王五']));
    expect(await page.locator('.person .name').allTextContents()).not.toContain('章三');
    const mirror = await browser.worker.evaluate(
      async () => (await chrome.storage.session.get('roster-mirror-v1'))['roster-mirror-v1'] as { me: unknown },
    );
    expect(mirror.me).toEqual({ id: '1', name: '章三', source: 'page', spot: 'localStorage' });
    expect(await page.locator('.unknown-me, #unknown-me-headline').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  test('the options page says where I was found, and its Test reads the open admin pages', async () => {
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
    const section = page.locator('#sign-in');
    await expect
      .poll(() => section.locator('.identity').first().textContent(), { timeout: 10_000 })
      .toContain('You are 章三 (ID 1), read from the page’s local storage.');
    await section.getByRole('button', { name: 'Test who I am' }).click();
    await expect
      .poll(() => section.locator('.identity').nth(1).textContent(), { timeout: 10_000 })
      .toContain('With these settings: You are 章三 (ID 1), read from the page’s local storage.');
    await page.close();
  });

  test('an incoming call: one notification, one toast in the active tab, the host event in every tab', async () => {
    colleagues.get('2').send(
      JSON.stringify({
        Sender: 2,
        Receiver: 1,
        SendTime: '',
        Message: { Event: 'Call', Data: { sender: '李四', type: '呼叫', receiver: '章三' } },
        Type: 'Event',
      }),
    );
    await expect.poll(async () => Object.keys(await notifications(browser)), { timeout: 10_000 }).toHaveLength(1);
    await expect.poll(() => toastTexts(tabs[2]).then((texts) => texts.length)).toBe(1);
    expect(await toastTexts(tabs[1]).then((texts) => texts.length)).toBe(0);
    for (const tab of tabs.slice(1)) await expect.poll(() => heard(tab)).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(Object.keys(await notifications(browser))).toHaveLength(1);
    await clickToastButton(tabs[2], 'Dismiss');
  });

  test('a call from the popup carries my id, as a number the strict server accepts', async () => {
    const { page } = await openPopupPage(browser);
    const row = page.locator('.person', { hasText: '王五' });
    await row.getByRole('button', { name: /Call/ }).click();
    const frame = JSON.parse(await colleagues.get('3').next((text) => text.includes('"Event"'), 10_000)) as Record<
      string,
      unknown
    >;
    expect(frame).toMatchObject({ Sender: 1, Receiver: 3 });
    await page.close();
  });
});

describe('opaque session tokens and no identity source at all', () => {
  const world = new ChromiumWorld();
  const { colleagues } = world;
  let server: RosterServer;
  let browser: ExtensionBrowser;
  let tabs: Page[];

  beforeAll(async () => {
    await world.start({ server: { tokens: 'opaque' }, settings: { identity: { url: '', pageKey: '', learn: false } } });
    ({ server, browser } = world);
    await colleagues.join('2');
    const login = await world.signIn();
    tabs = [login, ...(await hostTabs(browser, server, 1))];
    await tabs[1]?.bringToFront();
  });

  afterAll(() => world.stop());

  test('calls to me still arrive once', async () => {
    colleagues.get('2').send(
      JSON.stringify({
        Sender: '2',
        Receiver: '1',
        SendTime: '',
        Message: { Event: 'Call', Data: { sender: '', type: '呼叫', receiver: '' } },
        Type: 'Event',
      }),
    );
    await expect.poll(async () => Object.keys(await notifications(browser)), { timeout: 10_000 }).toHaveLength(1);
    await expect.poll(() => toastTexts(tabs[1]).then((texts) => texts.length)).toBe(1);
    await expect.poll(() => heard(tabs[1] as Page)).toBe(1);
    await clickToastButton(tabs[1], 'Dismiss');
  });

  test('the popup says Roster does not know who I am, with the way to fix it, and calling out is refused with the reason', async () => {
    const { page, errors } = await openPopupPage(browser);
    await expect
      .poll(() => page.locator('#unknown-me-headline').textContent(), { timeout: 10_000 })
      .toBe('Roster does not know who you are yet');
    await expect(page.getByRole('button', { name: 'Set up who I am' }).count()).resolves.toBe(1);
    const row = page.locator('.person', { hasText: '李四' });
    await row.getByRole('button', { name: /Call/ }).click();
    await expect.poll(() => row.textContent()).toContain('Roster does not know who you are yet');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(server.received.filter((frame) => frame.userId === '1' && frame.text.includes('"Event"'))).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});

import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWithExtension, type ExtensionBrowser } from './helpers/chromium';
import { ChromiumWorld } from './helpers/chromium-world';
import { clickToastButton, imagesInToasts, toastTexts } from './helpers/call-toasts';
import { piercedDocument, walk } from './helpers/pierced-dom';
import { openPopupOverActiveTab, openPopupPage, shoot } from './helpers/popup-page';

/**
 * Calls that say what they are about (issue 17), between two real Chromiums with Roster: 李四
 * (user 2) rings me (user 1) from the hover card on an order's page; my toast says so, and Open
 * shows that page here in one click. An address outside the configured sites is never a link.
 */

const SCREENSHOTS = resolve('.output/screenshots');
const CALLER = '2';
/** A plain WebSocket colleague, for calls no Roster would send. */
const STRANGER = '3';

const world = new ChromiumWorld();
let caller: ExtensionBrowser;
/** My host tab, in front: where toasts go. */
let mine: Page;

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await world.start();
  await world.signIn();
  caller = await launchWithExtension();
  await caller.worker.evaluate(async (settings) => {
    await chrome.storage.local.set({ settings });
  }, world.settings);
  const signIn = await caller.context.newPage();
  await signIn.goto(`${world.server.httpUrl}/login?userId=${CALLER}`);
  await world.server.waitFor(() => world.server.connectionCount(CALLER) === 1, 15_000);
  await signIn.close();
});

afterAll(async () => {
  await caller.close();
  await world.stop();
});

beforeEach(async () => {
  await world.reset(STRANGER);
  await world.browser.worker.evaluate(async () => {
    for (const id of Object.keys(await chrome.notifications.getAll())) await chrome.notifications.clear(id);
  });
  mine = await world.openHostTab();
  await mine.evaluate(() => {
    const heard: unknown[] = [];
    Object.assign(window, { heardCalls: heard });
    window.addEventListener('roster:call', (event) => heard.push((event as CustomEvent).detail));
  });
  await mine.waitForSelector('roster-mark', { timeout: 15_000 });
  await mine.bringToFront();
});

const heardCalls = (tab: Page) => tab.evaluate(() => (window as unknown as { heardCalls: unknown[] }).heardCalls);
const notifications = () => world.browser.worker.evaluate(() => chrome.notifications.getAll());
const pagesAt = (url: string) => world.browser.context.pages().filter((page) => page.url() === url);

/** Links (`<a>`) among the toasts: a call's address must never become one. */
async function linksInToasts(page: Page): Promise<number> {
  const { root } = await piercedDocument(page);
  const hosts = [...walk(root)].filter((node) => node.nodeName === 'ROSTER-CALL-TOASTS');
  return hosts.flatMap((host) => [...walk(host)]).filter((node) => node.nodeName === 'A').length;
}

async function ringFromHoverCard(page: Page): Promise<void> {
  const mark = page.locator('.users-table .el-table__body-wrapper tr', { hasText: '章三' }).locator('roster-mark');
  await mark.first().hover();
  const card = page.locator('roster-card');
  await expect.poll(() => card.isVisible(), { timeout: 10_000 }).toBe(true);
  await card.locator('button').click();
  await expect.poll(() => card.locator('[role=status]').textContent()).toBe('Sent');
}

describe('a call about a page, from another Roster', () => {
  test("from the hover card on an order's page: my toast says what it is about, and Open shows that page", async () => {
    // A hash-routed admin page, its title set by the app as it routes.
    const orderUrl = `${world.server.httpUrl}/?from=call#/orders/42`;
    const theirs = await caller.context.newPage();
    await theirs.goto(orderUrl);
    await theirs.evaluate(() => (document.title = '订单 42 · 退款'));
    await theirs.waitForSelector('roster-mark', { timeout: 15_000 });
    await ringFromHoverCard(theirs);

    await expect
      .poll(() => toastTexts(mine), { timeout: 10_000 })
      .toEqual([expect.stringMatching(/李四 is calling.*about: 订单 42 · 退款/)]);
    await expect
      .poll(() => heardCalls(mine))
      .toEqual([expect.objectContaining({ callerId: CALLER, url: orderUrl, title: '订单 42 · 退款' })]);
    // Chrome lists notifications by id only: what they say is checked in the unit tests.
    await expect.poll(async () => Object.keys(await notifications())).toHaveLength(1);
    expect(await linksInToasts(mine)).toBe(0);
    await mine.screenshot({ path: resolve(SCREENSHOTS, 'call-context-toast.png') });

    // One click: the page opens here, in front; a second click shows the same tab, not another.
    expect(pagesAt(orderUrl)).toHaveLength(0);
    await clickToastButton(mine, 'Open');
    await expect.poll(() => pagesAt(orderUrl).length, { timeout: 10_000 }).toBe(1);
    const opened = pagesAt(orderUrl)[0]!;
    await opened.waitForLoadState();
    await mine.bringToFront();
    await clickToastButton(mine, 'Open');
    await expect
      .poll(() => opened.evaluate(() => document.visibilityState === 'visible' && document.hasFocus()))
      .toBe(true);
    expect(pagesAt(orderUrl)).toHaveLength(1);
    await theirs.close();
    await clickToastButton(mine, 'Dismiss');
  });
});

describe('a call about a page, from the caller’s popup', () => {
  test('over their order page: about this page is on, Alt+A turns it off and on, and the note goes too', async () => {
    const orderUrl = `${world.server.httpUrl}/?from=popup#/orders/7`;
    const theirs = await caller.context.newPage();
    await theirs.goto(orderUrl);
    await theirs.evaluate(() => (document.title = 'Order 7 · refund'));
    await theirs.bringToFront();
    const { page: popup, errors } = await openPopupOverActiveTab(caller);
    const about = popup.getByRole('checkbox', { name: /About this page/ });
    await expect.poll(() => about.isChecked(), { timeout: 10_000 }).toBe(true);
    expect(await popup.locator('.about__title').textContent()).toBe('Order 7 · refund');
    // The real keyboard, from the search box where the popup starts.
    await popup.keyboard.press('Alt+KeyA');
    expect(await about.isChecked()).toBe(false);
    await popup.keyboard.press('Alt+KeyA');
    expect(await about.isChecked()).toBe(true);
    await popup.getByRole('textbox', { name: /Note with the call/ }).fill('the refund, before 5');
    await shoot(popup, 'en', 'call-about');
    await popup.getByRole('button', { name: 'Call 章三' }).click();
    await expect.poll(() => popup.getByRole('textbox', { name: /Note with the call/ }).inputValue()).toBe('');

    await expect
      .poll(() => toastTexts(mine), { timeout: 10_000 })
      .toEqual([expect.stringMatching(/李四 is calling.*about: Order 7 · refund.*the refund, before 5/)]);
    // The host event is not checked here: one per caller per 10 s, and 李四 rang me in the test above.
    expect(errors).toEqual([]);
    await popup.close();
    await theirs.close();

    // My popup's history says the same, and Open there shows the page too.
    const { page: myPopup } = await openPopupPage(world.browser);
    await myPopup.getByRole('tab', { name: /^Calls/ }).click();
    const entry = myPopup.locator('.call-entry', { hasText: '李四' }).first();
    expect(await entry.locator('.call-about').textContent()).toContain('about: Order 7 · refund');
    await shoot(myPopup, 'en', 'call-about-history');
    await entry.getByRole('button', { name: 'Open Order 7 · refund' }).click();
    await expect.poll(() => pagesAt(orderUrl).length, { timeout: 10_000 }).toBe(1);
    await pagesAt(orderUrl)[0]!.close();
    await myPopup.close();
    await mine.bringToFront();
    await clickToastButton(mine, 'Dismiss');
  });
});

describe('a call about an address of another site', () => {
  test('is never a link: the title is plain text, there is no Open, and the host event has no address', async () => {
    let dialogs = 0;
    mine.on('dialog', (dialog) => void dialog.dismiss().then(() => dialogs++));
    world.colleagues.get(STRANGER).send(
      JSON.stringify({
        Sender: STRANGER,
        Receiver: '1',
        SendTime: '',
        Message: {
          Event: 'Call',
          Data: {
            sender: '',
            type: '呼叫',
            receiver: '',
            url: 'https://evil.test/login',
            title: '<img src=x onerror=alert(1)> Sign in again',
            note: 'Your session expired',
          },
        },
        Type: 'Event',
      }),
    );
    await expect
      .poll(() => toastTexts(mine), { timeout: 10_000 })
      .toEqual([expect.stringMatching(/about: <img src=x onerror=alert\(1\)> Sign in again.*Your session expired/)]);
    const texts = await toastTexts(mine);
    expect(texts[0]).not.toContain('Open');
    expect(texts[0]).not.toContain('evil.test');
    expect(await linksInToasts(mine)).toBe(0);
    expect(await imagesInToasts(mine)).toBe(0);
    await expect.poll(() => heardCalls(mine)).toHaveLength(1);
    const [detail] = (await heardCalls(mine)) as Record<string, unknown>[];
    expect(detail).not.toHaveProperty('url');
    expect(detail).toMatchObject({ title: '<img src=x onerror=alert(1)> Sign in again' });
    expect(dialogs).toBe(0);
    await clickToastButton(mine, 'Dismiss');
  });
});

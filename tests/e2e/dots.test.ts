import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startServer, type RosterServer } from '../../dev/server/index';
import { closeAllClients } from '../integration/helpers/ws-client';
import { Colleagues } from './helpers/colleagues';
import { launchWithExtension, type ExtensionBrowser } from './helpers/chromium';
import { geometryWithAndWithoutMarks, readMarks, shownUserIds, styleUnderHostileCss, type ShownMark } from './helpers/dots';
import { configureExtension } from './helpers/roster-page';

const SCREENSHOTS = resolve('.output/screenshots');
const ME = '1';

let server: RosterServer;
let browser: ExtensionBrowser;
let tabA: Page;
let tabB: Page;
let colleagues: Colleagues;

/** What each mark should say, from the server's own online list. */
function expectedState(userId: string): string {
  if (userId === ME) return 'me';
  return server.onlineIds().includes(userId) ? 'online' : 'offline';
}

const summary = (marks: readonly ShownMark[]) => marks.map((mark) => `${mark.table}:${mark.user}:${mark.state}`).sort();
const expectedSummary = (marks: readonly ShownMark[]) => marks.map((mark) => `${mark.table}:${mark.user}:${expectedState(mark.user)}`).sort();

/** Waits until every mark of the page agrees with the server, and the el-table has one per row. */
async function marksSettle(page: Page): Promise<ShownMark[]> {
  await expect
    .poll(async () => {
      const marks = await readMarks(page);
      const rows = await shownUserIds(page);
      const users = marks.filter((mark) => mark.table === 'users');
      return rows.length > 0 && users.length === rows.length && summary(marks).join() === expectedSummary(marks).join();
    }, { timeout: 10_000 })
    .toBe(true);
  return readMarks(page);
}

async function openDemo(): Promise<Page> {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 1400, height: 1000 });
  await page.goto(server.httpUrl);
  await page.waitForSelector('.users-table tr.el-table__row');
  return page;
}

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  server = await startServer({ port: 0 });
  colleagues = new Colleagues(server);
  browser = await launchWithExtension();
  await configureExtension(browser, server.httpUrl, server.wsUrl);
  await colleagues.join('2');
  await colleagues.join('3');
  const signIn = await browser.context.newPage();
  await signIn.goto(`${server.httpUrl}/login?userId=${ME}`);
  await server.waitFor(() => server.connectionCount(ME) === 1, 15_000);
  tabA = signIn;
  await tabA.setViewportSize({ width: 1400, height: 1000 });
  await tabA.waitForSelector('.users-table tr.el-table__row');
});

afterAll(async () => {
  closeAllClients();
  await browser.close();
  await server.close();
});

describe('presence marks in the demo admin page (real Chromium, built extension)', () => {
  test('the content script is registered at run time, for the sign-in site only; the manifest has none', async () => {
    // Registered without the port, as browsers want patterns; the script itself checks the port.
    await expect
      .poll(() => browser.worker.evaluate(async () => (await chrome.scripting.getRegisteredContentScripts()).map((script) => script.matches)), { timeout: 10_000 })
      .toEqual([['http://127.0.0.1/*']]);
    const manifest = await browser.worker.evaluate(() => chrome.runtime.getManifest());
    expect(manifest.content_scripts ?? []).toEqual([]);
    expect(JSON.stringify(manifest)).not.toContain('<all_urls>');
  });

  test('every user in all three kinds of markup gets one correct mark; fixed-column copies get none', async () => {
    const marks = await marksSettle(tabA);
    const users = marks.filter((mark) => mark.table === 'users');
    expect(users.map((mark) => mark.user)).toEqual(await shownUserIds(tabA));
    expect(users.every((mark) => mark.body === 'main' && mark.inNameCell)).toBe(true);
    expect(marks.filter((mark) => mark.table === 'recent').map((mark) => mark.user)).toEqual(['3', '7', '13', '2', '21', '9']);
    expect(marks.filter((mark) => mark.table === 'recent').every((mark) => mark.inNameCell)).toBe(true);
    expect(marks.filter((mark) => mark.table === 'team').map((mark) => mark.user)).toEqual(['1', '2', '3', '4', '6', '7', '13', '21', '30']);
    expect(marks.filter((mark) => mark.table === 'other')).toEqual([]);
    const second = users.find((mark) => mark.user === '2');
    expect(second).toMatchObject({ state: 'online', title: 'Online', label: 'Online' });
    expect(users.find((mark) => mark.user === '5')).toMatchObject({ state: 'offline', title: 'Offline', label: 'Offline' });
    // The hostile name is still the page's text, and nothing of ours turned it into an element.
    expect(await tabA.locator('.recent-table td', { hasText: '<img src=x onerror=alert(1)>' }).count()).toBe(1);
    expect(await tabA.locator('.users-table img, .recent-table img, .team img').count()).toBe(0);
    await tabA.screenshot({ path: resolve(SCREENSHOTS, 'dots-page.png') });
  });

  test('the marks change no row height and no column width of the host tables', async () => {
    await marksSettle(tabA);
    const { withMarks, without, marks } = await geometryWithAndWithoutMarks(tabA);
    expect(marks).toBeGreaterThan(20);
    expect(withMarks.rowHeights.length).toBeGreaterThan(30);
    expect(withMarks).toEqual(without);
    await marksSettle(tabA);
  });

  test('host CSS aimed at everything in a cell cannot hide, resize or recolour a mark', async () => {
    await marksSettle(tabA);
    const seen = await styleUnderHostileCss(tabA, '.users-table .el-table__body-wrapper roster-mark[data-roster-state="online"]');
    expect(seen).toEqual({
      display: 'inline-block',
      width: '8px',
      height: '8px',
      visibility: 'visible',
      opacity: '1',
      backgroundColor: 'rgb(19, 206, 102)',
      marginLeft: '0px',
    });
  });

  test('a colleague coming online and going offline flips exactly their marks, in every open tab', async () => {
    tabB = await openDemo();
    const before = { a: summary(await marksSettle(tabA)), b: summary(await marksSettle(tabB)) };
    const flipped = (marks: string[], user: string, to: string) => marks.map((mark) => (mark.split(':')[1] === user ? mark.replace(/:[a-z]+$/, `:${to}`) : mark)).sort();

    await colleagues.join('4');
    for (const [tab, was] of [[tabA, before.a], [tabB, before.b]] as const) {
      await expect.poll(async () => summary(await readMarks(tab)), { timeout: 10_000 }).toEqual(flipped(was, '4', 'online'));
    }
    await colleagues.leave('4');
    for (const [tab, was] of [[tabA, before.a], [tabB, before.b]] as const) {
      await expect.poll(async () => summary(await readMarks(tab)), { timeout: 10_000 }).toEqual(was);
    }
    expect(before.a.filter((mark) => mark.split(':')[1] === '4')).toHaveLength(2); // the el-table row and the team chip
  });

  test('re-rendered rows are marked again: another page, then a sort', async () => {
    await tabA.bringToFront();
    await tabA.locator('.el-pager li', { hasText: /^2$/ }).click();
    await expect.poll(() => shownUserIds(tabA)).toEqual(['11', '12', '13', '14', '15', '16', '17', '18', '19', '20']);
    let marks = await marksSettle(tabA);
    expect(marks.filter((mark) => mark.table === 'users').map((mark) => mark.user)).toEqual(await shownUserIds(tabA));

    await tabA.locator('.users-table th.el-table_1_column_3 .sort-caret.descending').first().click();
    await expect.poll(async () => (await shownUserIds(tabA))[0]).toBe('30');
    marks = await marksSettle(tabA);
    const users = marks.filter((mark) => mark.table === 'users');
    expect(users.map((mark) => mark.user)).toEqual(await shownUserIds(tabA));
    expect(users.every((mark) => mark.body === 'main' && mark.inNameCell)).toBe(true);

    await tabA.locator('.el-pager li', { hasText: /^1$/ }).click();
    await tabA.locator('.users-table th.el-table_1_column_3 .sort-caret.ascending').first().click();
    await expect.poll(async () => (await shownUserIds(tabA))[0]).toBe('1');
    await marksSettle(tabA);
  });

  test('the hover card of an online colleague calls them, and says so', async () => {
    await tabA.bringToFront();
    const mark = tabA.locator('.users-table .el-table__body-wrapper tr', { hasText: '李四' }).locator('roster-mark');
    await mark.hover();
    const card = tabA.locator('roster-card');
    await expect.poll(() => card.isVisible()).toBe(true);
    expect(await card.locator('roster-card-name').textContent()).toBe('李四');
    await card.locator('button').click();
    const frame = await colleagues.get('2')!.next((text) => text.includes('"Event":"Call"'), 5_000);
    expect(JSON.parse(frame)).toMatchObject({ Sender: ME, Receiver: '2', Message: { Data: { receiver: '李四', type: '呼叫' } } });
    await expect.poll(() => card.locator('[role=status]').textContent()).toBe('Sent');
    await tabA.screenshot({ path: resolve(SCREENSHOTS, 'dots-card.png'), clip: { x: 200, y: 150, width: 700, height: 360 } });

    // Not for myself, nor for someone offline.
    await tabA.mouse.click(5, 5);
    for (const who of ['章三', '赵六']) {
      await tabA.locator('.users-table .el-table__body-wrapper tr', { hasText: who }).locator('roster-mark').hover();
      await tabA.waitForTimeout(600);
      expect(await card.isVisible()).toBe(false);
    }
  });

  test('a newer copy of the script (what an update injects) retires the old one: no orphan marks, nothing logged', async () => {
    const complaints: string[] = [];
    for (const tab of [tabA, tabB]) {
      tab.on('console', (message) => message.type() === 'error' && complaints.push(message.text()));
      tab.on('pageerror', (error) => complaints.push(error.message));
    }
    const extension = await browser.context.newPage();
    await extension.goto(browser.popupUrl);
    const injected = await extension.evaluate(async () => {
      const tabs = await chrome.tabs.query({ url: 'http://127.0.0.1/*' });
      for (const tab of tabs) if (tab.id !== undefined) await chrome.scripting.executeScript({ target: { tabId: tab.id }, files: ['/content-scripts/content.js'] });
      return tabs.length;
    });
    await extension.close();
    expect(injected).toBe(2);
    for (const tab of [tabA, tabB]) {
      const marks = await marksSettle(tab);
      expect(marks.filter((mark) => mark.table === 'users')).toHaveLength((await shownUserIds(tab)).length);
      expect(marks).toHaveLength(25);
    }
    expect(complaints).toEqual([]);
  });

  test('when the server drops me, marks stop claiming anyone is online', async () => {
    server.kick(ME, 4001, 'token revoked');
    await expect.poll(async () => new Set((await readMarks(tabA)).map((mark) => mark.state)), { timeout: 10_000 }).toEqual(new Set(['unknown']));
    expect((await readMarks(tabB)).every((mark) => mark.state === 'unknown')).toBe(true);
    await tabA.screenshot({ path: resolve(SCREENSHOTS, 'dots-unknown.png'), clip: { x: 200, y: 150, width: 700, height: 360 } });
  });

  test('a site removed from the settings loses its marks in open tabs, and nothing errors', async () => {
    const errors: string[] = [];
    tabA.on('pageerror', (error) => errors.push(error.message));
    const extension = await browser.context.newPage();
    await extension.goto(browser.popupUrl);
    await extension.evaluate(async () => {
      const { settings } = await chrome.storage.local.get<{ settings: Record<string, unknown> }>('settings');
      await chrome.storage.local.set({ settings: { ...settings, sites: { matches: ['https://admin.example.com/*'] } } });
    });
    for (const tab of [tabA, tabB]) await expect.poll(async () => (await readMarks(tab)).length, { timeout: 10_000 }).toBe(0);
    await expect.poll(() => extension.evaluate(async () => (await chrome.scripting.getRegisteredContentScripts()).length)).toBe(0);
    await extension.close();
    // The page's own table keeps working.
    await tabA.locator('.el-pager li', { hasText: /^2$/ }).click();
    await expect.poll(() => shownUserIds(tabA)).toContain('11');
    await tabA.waitForTimeout(300);
    expect(await readMarks(tabA)).toEqual([]);
    expect(errors).toEqual([]);
  });
});

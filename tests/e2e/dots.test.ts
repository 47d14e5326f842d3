import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { ChromiumWorld, ME } from './helpers/chromium-world';
import {
  geometryWithAndWithoutMarks,
  readMarks,
  shownUserIds,
  styleUnderHostileCss,
  type ShownMark,
} from './helpers/dots';

const SCREENSHOTS = resolve('.output/screenshots');
/** Online with me before each test: 李四 and 王五. */
const COLLEAGUES = ['2', '3'];

const world = new ChromiumWorld();

/** What each mark should say, from the server's own online list. */
function expectedState(userId: string): string {
  if (userId === ME) return 'me';
  return world.server.onlineIds().includes(userId) ? 'online' : 'offline';
}

const summary = (marks: readonly ShownMark[]) => marks.map((mark) => `${mark.table}:${mark.user}:${mark.state}`).sort();
const expectedSummary = (marks: readonly ShownMark[]) =>
  marks.map((mark) => `${mark.table}:${mark.user}:${expectedState(mark.user)}`).sort();

/** Waits until every mark of the page agrees with the server, and the el-table has one per row. */
async function marksSettle(page: Page): Promise<ShownMark[]> {
  await expect
    .poll(
      async () => {
        const marks = await readMarks(page);
        const rows = await shownUserIds(page);
        const users = marks.filter((mark) => mark.table === 'users');
        return (
          rows.length > 0 && users.length === rows.length && summary(marks).join() === expectedSummary(marks).join()
        );
      },
      { timeout: 10_000 },
    )
    .toBe(true);
  return readMarks(page);
}

/** A new tab of the demo admin page (its first page of users), once the el-table has rows. */
async function openDemo(): Promise<Page> {
  const page = await world.openHostTab('/', { width: 1400, height: 1000 });
  await page.waitForSelector('.users-table tr.el-table__row');
  return page;
}

/** A new tab of the demo admin page whose marks agree with the server. */
async function openMarkedDemo(): Promise<Page> {
  const page = await openDemo();
  await marksSettle(page);
  return page;
}

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await world.start();
});

// Each test opens the tabs it uses; none sees another's tabs, settings, sign-in or colleagues.
beforeEach(() => world.reset(...COLLEAGUES));

afterAll(() => world.stop());

describe('presence marks in the demo admin page (real Chromium, built extension)', () => {
  test('the content script is registered at run time, for the sign-in site only; the manifest has none', async () => {
    // Registered without the port, as browsers want patterns; the script itself checks the port.
    await expect
      .poll(
        () =>
          world.browser.worker.evaluate(async () =>
            (await chrome.scripting.getRegisteredContentScripts()).map((script) => script.matches),
          ),
        { timeout: 10_000 },
      )
      .toEqual([['http://127.0.0.1/*']]);
    const manifest = await world.browser.worker.evaluate(() => chrome.runtime.getManifest());
    expect(manifest.content_scripts ?? []).toEqual([]);
    expect(JSON.stringify(manifest)).not.toContain('<all_urls>');
  });

  test('every user in all three kinds of markup gets one correct mark; fixed-column copies get none', async () => {
    const tab = await openDemo();
    const marks = await marksSettle(tab);
    const users = marks.filter((mark) => mark.table === 'users');
    expect(users.map((mark) => mark.user)).toEqual(await shownUserIds(tab));
    expect(users.every((mark) => mark.body === 'main' && mark.inNameCell)).toBe(true);
    expect(marks.filter((mark) => mark.table === 'recent').map((mark) => mark.user)).toEqual([
      '3',
      '7',
      '13',
      '2',
      '21',
      '9',
    ]);
    expect(marks.filter((mark) => mark.table === 'recent').every((mark) => mark.inNameCell)).toBe(true);
    expect(marks.filter((mark) => mark.table === 'team').map((mark) => mark.user)).toEqual([
      '1',
      '2',
      '3',
      '4',
      '6',
      '7',
      '13',
      '21',
      '30',
    ]);
    expect(marks.filter((mark) => mark.table === 'other')).toEqual([]);
    const second = users.find((mark) => mark.user === '2');
    expect(second).toMatchObject({ state: 'online', title: 'Online', label: 'Online' });
    expect(users.find((mark) => mark.user === '5')).toMatchObject({
      state: 'offline',
      title: 'Offline',
      label: 'Offline',
    });
    // The hostile name is still the page's text, and nothing of ours turned it into an element.
    expect(await tab.locator('.recent-table td', { hasText: '<img src=x onerror=alert(1)>' }).count()).toBe(1);
    expect(await tab.locator('.users-table img, .recent-table img, .team img').count()).toBe(0);
    await tab.screenshot({ path: resolve(SCREENSHOTS, 'dots-page.png') });
  });

  test('the marks change no row height and no column width of the host tables', async () => {
    const tab = await openDemo();
    await marksSettle(tab);
    const { withMarks, without, marks } = await geometryWithAndWithoutMarks(tab);
    expect(marks).toBeGreaterThan(20);
    expect(withMarks.rowHeights.length).toBeGreaterThan(30);
    expect(withMarks).toEqual(without);
    await marksSettle(tab);
  });

  test('host CSS aimed at everything in a cell cannot hide, resize or recolour a mark', async () => {
    const tab = await openDemo();
    await marksSettle(tab);
    const seen = await styleUnderHostileCss(
      tab,
      '.users-table .el-table__body-wrapper roster-mark[data-roster-state="online"]',
    );
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
    const tabA = await openDemo();
    const tabB = await openDemo();
    const before = { a: summary(await marksSettle(tabA)), b: summary(await marksSettle(tabB)) };
    const flipped = (marks: string[], user: string, to: string) =>
      marks.map((mark) => (mark.split(':')[1] === user ? mark.replace(/:[a-z]+$/, `:${to}`) : mark)).sort();

    await world.colleagues.join('4');
    for (const [tab, was] of [
      [tabA, before.a],
      [tabB, before.b],
    ] as const) {
      await expect
        .poll(async () => summary(await readMarks(tab)), { timeout: 10_000 })
        .toEqual(flipped(was, '4', 'online'));
    }
    await world.colleagues.leave('4');
    for (const [tab, was] of [
      [tabA, before.a],
      [tabB, before.b],
    ] as const) {
      await expect.poll(async () => summary(await readMarks(tab)), { timeout: 10_000 }).toEqual(was);
    }
    expect(before.a.filter((mark) => mark.split(':')[1] === '4')).toHaveLength(2); // the el-table row and the team chip
  });

  test('re-rendered rows are marked again: another page, then a sort', async () => {
    const tab = await openMarkedDemo();
    await tab.bringToFront();
    await tab.locator('.el-pager li', { hasText: /^2$/ }).click();
    await expect.poll(() => shownUserIds(tab)).toEqual(['11', '12', '13', '14', '15', '16', '17', '18', '19', '20']);
    let marks = await marksSettle(tab);
    expect(marks.filter((mark) => mark.table === 'users').map((mark) => mark.user)).toEqual(await shownUserIds(tab));

    await tab.locator('.users-table th.el-table_1_column_3 .sort-caret.descending').first().click();
    await expect.poll(async () => (await shownUserIds(tab))[0]).toBe('30');
    marks = await marksSettle(tab);
    const users = marks.filter((mark) => mark.table === 'users');
    expect(users.map((mark) => mark.user)).toEqual(await shownUserIds(tab));
    expect(users.every((mark) => mark.body === 'main' && mark.inNameCell)).toBe(true);

    await tab.locator('.el-pager li', { hasText: /^1$/ }).click();
    await tab.locator('.users-table th.el-table_1_column_3 .sort-caret.ascending').first().click();
    await expect.poll(async () => (await shownUserIds(tab))[0]).toBe('1');
    await marksSettle(tab);
  });

  test('the hover card of an online colleague calls them, and says so', async () => {
    const tab = await openMarkedDemo();
    await tab.bringToFront();
    const mark = tab.locator('.users-table .el-table__body-wrapper tr', { hasText: '李四' }).locator('roster-mark');
    await mark.hover();
    const card = tab.locator('roster-card');
    await expect.poll(() => card.isVisible()).toBe(true);
    expect(await card.locator('roster-card-name').textContent()).toBe('李四');
    await card.locator('button').click();
    const frame = await world.colleagues.get('2').next((text) => text.includes('"Event":"Call"'), 5_000);
    expect(JSON.parse(frame)).toMatchObject({
      Sender: ME,
      Receiver: '2',
      Message: { Data: { receiver: '李四', type: '呼叫' } },
    });
    await expect.poll(() => card.locator('[role=status]').textContent()).toBe('Sent');
    await tab.screenshot({
      path: resolve(SCREENSHOTS, 'dots-card.png'),
      clip: { x: 200, y: 150, width: 700, height: 360 },
    });

    // Not for myself, nor for someone offline.
    await tab.mouse.click(5, 5);
    for (const who of ['章三', '赵六']) {
      await tab.locator('.users-table .el-table__body-wrapper tr', { hasText: who }).locator('roster-mark').hover();
      await tab.waitForTimeout(600);
      expect(await card.isVisible()).toBe(false);
    }
  });

  test('a newer copy of the script (what an update injects) retires the old one: no orphan marks, nothing logged', async () => {
    const tabA = await openMarkedDemo();
    const tabB = await openMarkedDemo();
    const complaints: string[] = [];
    for (const tab of [tabA, tabB]) {
      tab.on('console', (message) => message.type() === 'error' && complaints.push(message.text()));
      tab.on('pageerror', (error) => complaints.push(error.message));
    }
    const extension = await world.browser.context.newPage();
    await extension.goto(world.browser.popupUrl);
    const injected = await extension.evaluate(async () => {
      const tabs = await chrome.tabs.query({ url: 'http://127.0.0.1/*' });
      for (const tab of tabs)
        if (tab.id !== undefined)
          await chrome.scripting.executeScript({ target: { tabId: tab.id }, files: ['/content-scripts/content.js'] });
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
    const tabA = await openMarkedDemo();
    const tabB = await openMarkedDemo();
    world.server.kick(ME, 4001, 'token revoked');
    await expect
      .poll(async () => new Set((await readMarks(tabA)).map((mark) => mark.state)), { timeout: 10_000 })
      .toEqual(new Set(['unknown']));
    expect((await readMarks(tabB)).every((mark) => mark.state === 'unknown')).toBe(true);
    await tabA.screenshot({
      path: resolve(SCREENSHOTS, 'dots-unknown.png'),
      clip: { x: 200, y: 150, width: 700, height: 360 },
    });
  });

  test('a site removed from the settings loses its marks in open tabs, and nothing errors', async () => {
    const tabA = await openMarkedDemo();
    const tabB = await openMarkedDemo();
    const errors: string[] = [];
    tabA.on('pageerror', (error) => errors.push(error.message));
    const extension = await world.browser.context.newPage();
    await extension.goto(world.browser.popupUrl);
    await extension.evaluate(async () => {
      const { settings } = await chrome.storage.local.get<{ settings: Record<string, unknown> }>('settings');
      await chrome.storage.local.set({
        settings: { ...settings, sites: { matches: ['https://admin.example.com/*'] } },
      });
    });
    for (const tab of [tabA, tabB])
      await expect.poll(async () => (await readMarks(tab)).length, { timeout: 10_000 }).toBe(0);
    await expect
      .poll(() => extension.evaluate(async () => (await chrome.scripting.getRegisteredContentScripts()).length))
      .toBe(0);
    await extension.close();
    // The page's own table keeps working.
    await tabA.locator('.el-pager li', { hasText: /^2$/ }).click();
    await expect.poll(() => shownUserIds(tabA)).toContain('11');
    await tabA.waitForTimeout(300);
    expect(await readMarks(tabA)).toEqual([]);
    expect(errors).toEqual([]);
  });
});

import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { toastTextsInAllFrames } from './helpers/call-toasts';
import { ChromiumWorld } from './helpers/chromium-world';
import { marksInPage, type ShownMark } from './helpers/dots';

/**
 * An iframe shell (layui / RuoYi style): a menu and a tab bar, every admin page in a same-origin
 * frame, one frame filled by script (about:blank), and a frame of another site.
 */
const SCREENSHOTS = resolve('.output/screenshots');
const world = new ChromiumWorld();
/** The test's own shell tab, opened on its user list. */
let shell: Page;

/** The shell's frames by page key, as the test opened them. */
const keys = new Map<string, Frame>();
const frame = (key: string): Frame => {
  const found = keys.get(key);
  if (!found) throw new Error(`no frame ${key}`);
  return found;
};

async function openInShell(key: string): Promise<Frame> {
  await shell.click(`.menu button[data-page="${key}"]`);
  const handle = await shell.waitForSelector(`iframe[data-page="${key}"]`);
  const content = await handle.contentFrame();
  if (!content) throw new Error(`no content in frame ${key}`);
  keys.set(key, content);
  return content;
}

const marks = (target: Frame): Promise<ShownMark[]> => target.evaluate(marksInPage);
const stateOf = async (target: Frame, user: string) =>
  (await marks(target)).filter((mark) => mark.user === user).map((mark) => mark.state);

async function listen(target: Frame): Promise<void> {
  await target.evaluate(() => {
    const heard: unknown[] = [];
    Object.assign(window, { heardCalls: heard });
    window.addEventListener('roster:call', (event) => heard.push((event as CustomEvent).detail));
  });
}
const heard = (target: Frame) =>
  target.evaluate(() => (window as unknown as { heardCalls?: unknown[] }).heardCalls?.length ?? -1);

beforeAll(() => world.start());

// Every test gets a new shell (only its user list open) and the settings, sign-in and colleague (李四) it starts from.
beforeEach(async () => {
  await world.reset('2');
  keys.clear();
  shell = await world.openHostTab('/shell.html');
  const users = await (await shell.waitForSelector('iframe[data-page="users"]')).contentFrame();
  if (users) keys.set('users', users);
});

afterAll(() => world.stop());

describe('an iframe shell', () => {
  test('the admin page in a frame is marked as at top level', async () => {
    const users = frame('users');
    await expect
      .poll(async () => (await marks(users)).filter((mark) => mark.table === 'users').length, { timeout: 15_000 })
      .toBeGreaterThanOrEqual(10);
    expect(await stateOf(users, '1')).toContain('me');
    expect(await stateOf(users, '2')).toContain('online');
    expect(await stateOf(users, '3')).toContain('offline');
  });

  test('a colleague coming online flips the framed mark within a second', async () => {
    const users = frame('users');
    // The framed list is marked, 王五 offline, before he comes online.
    await expect.poll(() => stateOf(users, '3'), { timeout: 15_000 }).toContain('offline');
    const started = Date.now();
    await world.colleagues.join('3');
    await expect.poll(() => stateOf(users, '3'), { timeout: 5_000, interval: 50 }).not.toContain('offline');
    const took = Date.now() - started;
    expect(await stateOf(users, '3')).toContain('online');
    expect(took).toBeLessThanOrEqual(1_000);
    await world.colleagues.leave('3');
  });

  test('the hover card in a frame opens inside the frame’s viewport, and Call rings', async () => {
    await shell.bringToFront();
    await shell.click('.menu button[data-page="users"]');
    const users = frame('users');
    const mark = users.locator('.users-table .el-table__body-wrapper tr', { hasText: '李四' }).locator('roster-mark');
    // The row at the very bottom of the frame: the card must open upwards, not below the frame's edge.
    await mark.evaluate((element) => element.scrollIntoView({ block: 'end' }));
    await mark.hover();
    const card = users.locator('roster-card');
    await expect.poll(() => card.isVisible(), { timeout: 5_000 }).toBe(true);
    const inside = await card.evaluate((element) => {
      const box = element.getBoundingClientRect();
      return (
        box.top >= 0 &&
        box.left >= 0 &&
        box.bottom <= window.innerHeight &&
        box.right <= window.innerWidth &&
        box.height > 0
      );
    });
    expect(inside).toBe(true);
    await card.locator('button').click();
    const frame2 = await world.colleagues.get('2').next((text) => text.includes('"Event":"Call"'), 5_000);
    expect(JSON.parse(frame2)).toMatchObject({ Sender: '1', Receiver: '2' });
    await users.locator('body').click({ position: { x: 5, y: 5 } });
  });

  test('a tab opened later in the shell gets its marks too', async () => {
    const again = await openInShell('users-2');
    await expect
      .poll(async () => (await marks(again)).filter((mark) => mark.table === 'users').length, { timeout: 15_000 })
      .toBeGreaterThanOrEqual(10);
  });

  test('a frame that navigates to another host page is marked there; one that leaves the site is not', async () => {
    await openInShell('users-2');
    /** Sends the shell's "users-2" frame elsewhere, and hands back the document it then shows. */
    const navigate = async (address: string): Promise<Frame> => {
      await shell.evaluate(
        (href) => document.querySelector<HTMLIFrameElement>('iframe[data-page="users-2"]')?.setAttribute('src', href),
        address,
      );
      await expect
        .poll(async () => (await (await shell.$('iframe[data-page="users-2"]'))?.contentFrame())?.url(), {
          timeout: 10_000,
        })
        .toBe(address);
      const content = await (await shell.$('iframe[data-page="users-2"]'))?.contentFrame();
      if (!content) throw new Error('the frame went away');
      await content.waitForLoadState('load');
      return content;
    };
    const components = await navigate(`${world.server.httpUrl}/components.html`);
    await expect
      .poll(
        () =>
          components.evaluate(
            () => document.getElementById('open-list')?.shadowRoot?.querySelectorAll('roster-mark').length ?? 0,
          ),
        { timeout: 15_000 },
      )
      .toBe(12);
    const otherSite = new URL('/plain-users.html', world.server.httpUrl);
    otherSite.hostname = otherSite.hostname === 'localhost' ? '127.0.0.1' : 'localhost';
    const foreign = await navigate(otherSite.href);
    await foreign.waitForSelector('tr[data-user-id="1"]', { state: 'attached' });
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(await foreign.evaluate(() => document.querySelectorAll('roster-mark').length)).toBe(0);
    const back = await navigate(`${world.server.httpUrl}/index.html`);
    keys.set('users-2', back);
    await expect
      .poll(async () => (await marks(back)).filter((mark) => mark.table === 'users').length, { timeout: 15_000 })
      .toBeGreaterThanOrEqual(10);
  });

  test('a frame the shell fills by script (about:blank) is marked', async () => {
    const quick = await openInShell('quick');
    expect(quick.url()).toBe('about:blank');
    await expect
      .poll(async () => (await marks(quick)).map((mark) => `${mark.user}:${mark.state}`).sort(), { timeout: 15_000 })
      .toEqual(expect.arrayContaining(['1:me', '2:online']));
  });

  test('a frame whose table was gone long enough to go quiet shows the current state when the table is back', async () => {
    const quick = keys.get('quick') ?? (await openInShell('quick'));
    await quick.waitForSelector('roster-mark', { state: 'attached' });
    // The host takes the list away; the frame has no rows and, after 5 s, asks for no changes.
    await quick.evaluate(() => {
      const table = document.querySelector('table');
      Object.assign(window, { parkedTable: table });
      table?.remove();
    });
    await new Promise((resolve) => setTimeout(resolve, 6_000));
    // A change the quiet frame is not sent, then the list comes back.
    await world.colleagues.join('6');
    await world.server.waitFor(() => world.server.connectionCount('6') === 1, 5_000);
    await new Promise((resolve) => setTimeout(resolve, 300));
    await quick.evaluate(() =>
      document.body.append((window as unknown as { parkedTable: HTMLTableElement }).parkedTable),
    );
    await expect
      .poll(async () => (await marks(quick)).find((mark) => mark.user === '6')?.state, { timeout: 1_000, interval: 50 })
      .toBe('online');
    expect((await marks(quick)).find((mark) => mark.user === '2')?.state).toBe('online');
    await world.colleagues.leave('6');
    await expect
      .poll(async () => (await marks(quick)).find((mark) => mark.user === '6')?.state, { timeout: 3_000 })
      .toBe('offline');
  });

  test('a frame of another site is never touched', async () => {
    const foreign = await openInShell('foreign');
    await foreign.waitForSelector('tr[data-user-id="1"]');
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(await foreign.evaluate(() => document.querySelectorAll('roster-mark, roster-call-toasts').length)).toBe(0);
    expect(new URL(foreign.url()).hostname).not.toBe(new URL(world.server.httpUrl).hostname);
  });

  test('an incoming call: one toast in the tab, and the host event in every host frame', async () => {
    // The shell with all its pages open, each marked (its content script connected) before the call.
    await frame('users').waitForSelector('roster-mark', { state: 'attached', timeout: 15_000 });
    for (const key of ['users-2', 'quick'])
      await (await openInShell(key)).waitForSelector('roster-mark', { state: 'attached', timeout: 15_000 });
    await (await openInShell('foreign')).waitForSelector('tr[data-user-id="1"]');
    const hostFrames = [shell.mainFrame(), frame('users'), frame('users-2'), frame('quick')];
    for (const target of hostFrames) await listen(target);
    await listen(frame('foreign'));
    await shell.bringToFront();
    world.colleagues.get('2').send(
      JSON.stringify({
        Sender: '2',
        Receiver: '1',
        SendTime: '',
        Message: { Event: 'Call', Data: { sender: '李四', type: '呼叫', receiver: '章三' } },
        Type: 'Event',
      }),
    );
    for (const target of hostFrames) await expect.poll(() => heard(target), { timeout: 10_000 }).toBe(1);
    await expect
      .poll(() => toastTextsInAllFrames(shell), { timeout: 10_000 })
      .toEqual([expect.stringContaining('李四')]);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(await toastTextsInAllFrames(shell)).toHaveLength(1);
    // The top document is a host page here: the toast sits in its corner, not in a frame.
    expect(await shell.evaluate(() => document.querySelectorAll('roster-call-toasts').length)).toBe(1);
    expect(await heard(frame('foreign'))).toBe(0);
    for (const target of hostFrames) expect(await heard(target)).toBe(1);
  });
});

describe('a portal of another site framing the admin pages', () => {
  test('the toast goes to the host frame in view, once; every host frame hears the call', async () => {
    const portalUrl = new URL('/shell.html?pages=other', world.server.httpUrl);
    portalUrl.hostname = portalUrl.hostname === 'localhost' ? '127.0.0.1' : 'localhost';
    const portal = await world.browser.context.newPage();
    await portal.goto(portalUrl.href);
    const first = await (await portal.waitForSelector('iframe[data-page="users"]')).contentFrame();
    await portal.click('.menu button[data-page="users-2"]');
    const second = await (await portal.waitForSelector('iframe[data-page="users-2"]')).contentFrame();
    if (!first || !second) throw new Error('no frames');
    for (const target of [first, second]) {
      await target.waitForLoadState('load');
      await listen(target);
    }
    // Both frames are host pages (Roster's site), the portal is not; the second is the one in view.
    await portal.bringToFront();
    // Another caller than the test before: alerts and host events are limited to one per caller per 10 s.
    await world.colleagues.join('4');
    const alice = world.colleagues.get('4');
    await new Promise((resolve) => setTimeout(resolve, 500));
    alice.send(
      JSON.stringify({
        Sender: '4',
        Receiver: '1',
        SendTime: '',
        Message: { Event: 'Call', Data: { sender: 'Alice Martin', type: '呼叫', receiver: '章三' } },
        Type: 'Event',
      }),
    );
    for (const target of [first, second]) await expect.poll(() => heard(target), { timeout: 10_000 }).toBe(1);
    const toastHosts = (target: Frame) => target.evaluate(() => document.querySelectorAll('roster-call-toasts').length);
    await expect.poll(() => toastHosts(second), { timeout: 10_000 }).toBe(1);
    expect(await toastHosts(first)).toBe(0);
    expect(await portal.evaluate(() => document.querySelectorAll('roster-call-toasts').length)).toBe(0);
    await portal.close();
  });
});

describe("the options page's live tester on a shell", () => {
  test('tests every frame of the tab, each under its own address, and outlines the rows inside the frames', async () => {
    await world.browser.worker.evaluate(async () => {
      const { settings } = await chrome.storage.local.get('settings');
      const profile = {
        label: 'Rows with ids',
        rows: 'tr[data-user-id]',
        id: { from: 'attribute', attribute: 'data-user-id' },
      };
      await chrome.storage.local.set({ settings: { ...(settings as object), sites: { profiles: [profile] } } });
    });
    await shell.bringToFront();
    const quick = keys.get('quick') ?? (await openInShell('quick'));
    await quick.waitForSelector('tr[data-user-id]', { state: 'attached' });
    const options = await world.browser.context.newPage();
    await options.goto(world.browser.popupUrl.replace('popup.html', 'options.html'));
    await options.selectOption('#sites-profiles-0-tester-tab', {
      label: `后台管理 · Roster Demo Shell — ${new URL(world.server.httpUrl).host}`,
    });
    await options.getByRole('button', { name: 'Test on this tab' }).click();
    await expect.poll(() => options.locator('.tester__frame').count(), { timeout: 10_000 }).toBeGreaterThanOrEqual(3);
    const titles = await options.locator('.tester__frame-title').allTextContents();
    expect(titles[0]).toBe('The tab’s own page');
    expect(titles).toContain(`In a frame: ${new URL(world.server.httpUrl).host}/`);
    // The script-filled quick list (about:blank) is judged by the address it inherits.
    const quickList = options
      .locator('.tester__frame', { hasText: 'In a frame' })
      .filter({ hasText: 'users read: 8.' });
    await expect.poll(() => quickList.count(), { timeout: 10_000 }).toBe(1);
    expect(await quickList.textContent()).toContain(`In a frame: ${new URL(world.server.httpUrl).host}/shell.html`);
    expect(await quickList.textContent()).not.toContain('Roster does not run on this page.');
    // The outlines are in the frames, where the rows are.
    await expect
      .poll(() => quick.evaluate(() => document.querySelectorAll('[data-roster-test="user"]').length))
      .toBe(8);
    mkdirSync(SCREENSHOTS, { recursive: true });
    await options.locator('.tester').screenshot({ path: resolve(SCREENSHOTS, 'tester-frames.png') });
    await options.getByRole('button', { name: 'Stop testing' }).click();
    await expect.poll(() => quick.evaluate(() => document.querySelectorAll('[data-roster-test]').length)).toBe(0);
    await options.close();
  });
});

import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { startServer, type RosterServer } from '../../dev/server/index';
import { closeAllClients } from '../integration/helpers/ws-client';
import { launchWithExtension, type ExtensionBrowser } from './helpers/chromium';
import { Colleagues } from './helpers/colleagues';
import { attribute, piercedDocument, walk } from './helpers/pierced-dom';

/**
 * A web-component host: the user table lives in `<user-table>`'s open shadow root, defined only
 * after the page loaded; a second one has a closed root, which Roster must leave alone.
 */
let server: RosterServer;
let browser: ExtensionBrowser;
let colleagues: Colleagues;
let page: Page;

interface ShadowMark {
  readonly user: string;
  readonly state: string;
  readonly width: string;
  readonly radius: string;
}

/** Marks inside the open list's shadow root, with the styles they are drawn with. */
const openMarks = (): Promise<ShadowMark[]> =>
  page.evaluate(() => {
    const root = document.getElementById('open-list')?.shadowRoot;
    return [...(root?.querySelectorAll('roster-mark') ?? [])].map((mark) => {
      const style = getComputedStyle(mark);
      return {
        user: mark.closest('tr')?.getAttribute('data-user-id') ?? '',
        state: mark.getAttribute('data-roster-state') ?? '',
        width: style.width,
        radius: style.borderTopLeftRadius,
      };
    });
  });
const stateOf = async (user: string) => (await openMarks()).find((mark) => mark.user === user)?.state;

beforeAll(async () => {
  server = await startServer({ port: 0 });
  colleagues = new Colleagues(server);
  await colleagues.join('2');
  browser = await launchWithExtension();
  const settings = {
    serverUrl: server.wsUrl,
    auth: { cookieUrl: `${server.httpUrl}/`, cookieName: 'USERTOKEN' },
    directory: { url: `${server.httpUrl}/api/users` },
    sites: { shadowHosts: 'user-table' },
  };
  await browser.worker.evaluate(async (value) => chrome.storage.local.set({ settings: value }), settings);
  const login = await browser.context.newPage();
  await login.goto(`${server.httpUrl}/login?userId=1`);
  await server.waitFor(() => server.connectionCount('1') === 1, 15_000);
  await login.close();
  page = await browser.context.newPage();
  await page.goto(`${server.httpUrl}/components.html`);
});

afterAll(async () => {
  closeAllClients();
  await browser.close();
  await server.close();
});

describe('tables inside shadow roots', () => {
  test('rows in an open shadow root are marked, drawn with Roster\'s styles under the page\'s CSP', async () => {
    await expect.poll(async () => (await openMarks()).length, { timeout: 15_000 }).toBe(12);
    expect(await stateOf('1')).toBe('me');
    expect(await stateOf('2')).toBe('online');
    expect(await stateOf('3')).toBe('offline');
    // The page's stylesheets do not reach into the root: these come from the rules Roster put there.
    for (const mark of await openMarks()) expect(mark).toMatchObject({ width: '8px', radius: '50%' });
  });

  test('a colleague coming online flips the mark in the shadow root within a second', async () => {
    await colleagues.join('3');
    const started = Date.now();
    await expect.poll(() => stateOf('3'), { timeout: 1_000, interval: 50 }).toBe('online');
    expect(Date.now() - started).toBeLessThanOrEqual(1_000);
    await colleagues.leave('3');
    await expect.poll(() => stateOf('3'), { timeout: 3_000 }).toBe('offline');
  });

  test('the component re-rendering its table inside the root is marked again', async () => {
    const before = await page.evaluate(() => document.getElementById('open-list')?.shadowRoot?.querySelector('table'));
    await page.click('#refresh');
    await expect.poll(() => page.evaluate((old) => document.getElementById('open-list')?.shadowRoot?.querySelector('table') !== old, before)).toBe(true);
    await expect.poll(async () => (await openMarks()).length, { timeout: 5_000 }).toBe(12);
    expect(await stateOf('2')).toBe('online');
  });

  test('the hover card works on a mark inside the shadow root, and Call rings', async () => {
    const mark = page.locator('#open-list tr[data-user-id="2"] roster-mark');
    await mark.hover();
    const card = page.locator('roster-card');
    await expect.poll(() => card.isVisible()).toBe(true);
    expect(await card.locator('roster-card-name').textContent()).toBe('李四');
    await card.locator('button').click();
    const frame = await colleagues.get('2')!.next((text) => text.includes('"Event":"Call"'), 5_000);
    expect(JSON.parse(frame)).toMatchObject({ Sender: '1', Receiver: '2' });
  });

  test('a closed shadow root is left alone', async () => {
    const { root } = await piercedDocument(page);
    const closedHost = [...walk(root)].find((node) => attribute(node, 'id') === 'closed-list');
    const closedRoot = closedHost?.shadowRoots?.[0];
    expect(closedRoot, 'the page rendered its closed list').toBeDefined();
    const inside = [...walk(closedRoot!)];
    expect(inside.filter((node) => node.nodeName === 'TR').length).toBeGreaterThan(10);
    expect(inside.filter((node) => node.nodeName === 'ROSTER-MARK' || node.nodeName === 'STYLE')).toHaveLength(0);
  });
});

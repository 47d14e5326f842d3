import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { ChromiumWorld } from './helpers/chromium-world';
import { attribute, piercedDocument, walk } from './helpers/pierced-dom';

/**
 * A web-component host: the user table lives in `<user-table>`'s open shadow root, defined only
 * after the page loaded; a second one has a closed root, which Roster must leave alone.
 */
const world = new ChromiumWorld();
/** The test's own tab of the web-component page. */
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

/** Waits until the open list's 12 rows are marked: the components are defined and Roster has been through the page. */
const openListMarked = () => expect.poll(async () => (await openMarks()).length, { timeout: 15_000 }).toBe(12);

beforeAll(async () => {
  await world.start({ settings: { sites: { shadowHosts: 'user-table' } } });
});

// A new tab of the page for each test, with me signed in and only 李四 online.
beforeEach(async () => {
  await world.reset('2');
  page = await world.openHostTab('/components.html');
});

afterAll(() => world.stop());

describe('tables inside shadow roots', () => {
  test("rows in an open shadow root are marked, drawn with Roster's styles under the page's CSP", async () => {
    await expect.poll(async () => (await openMarks()).length, { timeout: 15_000 }).toBe(12);
    expect(await stateOf('1')).toBe('me');
    expect(await stateOf('2')).toBe('online');
    expect(await stateOf('3')).toBe('offline');
    // The page's stylesheets do not reach into the root: these come from the rules Roster put there.
    for (const mark of await openMarks()) expect(mark).toMatchObject({ width: '8px', radius: '50%' });
  });

  test('a colleague coming online flips the mark in the shadow root within a second', async () => {
    await expect.poll(() => stateOf('3'), { timeout: 15_000 }).toBe('offline');
    await world.colleagues.join('3');
    const started = Date.now();
    await expect.poll(() => stateOf('3'), { timeout: 1_000, interval: 50 }).toBe('online');
    expect(Date.now() - started).toBeLessThanOrEqual(1_000);
    await world.colleagues.leave('3');
    await expect.poll(() => stateOf('3'), { timeout: 3_000 }).toBe('offline');
  });

  test('the component re-rendering its table inside the root is marked again', async () => {
    await openListMarked();
    const before = await page.evaluate(() => document.getElementById('open-list')?.shadowRoot?.querySelector('table'));
    await page.click('#refresh');
    await expect
      .poll(() =>
        page.evaluate(
          (old) => document.getElementById('open-list')?.shadowRoot?.querySelector('table') !== old,
          before,
        ),
      )
      .toBe(true);
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
    const frame = await world.colleagues.get('2').next((text) => text.includes('"Event":"Call"'), 5_000);
    expect(JSON.parse(frame)).toMatchObject({ Sender: '1', Receiver: '2' });
  });

  test('a closed shadow root is left alone', async () => {
    await openListMarked();
    const { root } = await piercedDocument(page);
    const closedHost = [...walk(root)].find((node) => attribute(node, 'id') === 'closed-list');
    const closedRoot = closedHost?.shadowRoots?.[0];
    expect(closedRoot, 'the page rendered its closed list').toBeDefined();
    const inside = [...walk(closedRoot!)];
    expect(inside.filter((node) => node.nodeName === 'TR').length).toBeGreaterThan(10);
    expect(inside.filter((node) => node.nodeName === 'ROSTER-MARK' || node.nodeName === 'STYLE')).toHaveLength(0);
  });
});

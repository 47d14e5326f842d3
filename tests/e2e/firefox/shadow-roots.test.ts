import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { FirefoxWorld } from '../helpers/firefox-world';

/** The demo's web-component page in real Firefox: its table lives in `<user-table>`'s open shadow root. */
const world = new FirefoxWorld();
let page: Page;

const openMarks = () =>
  page.evaluate(() => {
    const root = document.getElementById('open-list')?.shadowRoot;
    return [...(root?.querySelectorAll('roster-mark') ?? [])].map((mark) => ({
      user: mark.closest('tr')?.getAttribute('data-user-id') ?? '',
      state: mark.getAttribute('data-roster-state') ?? '',
      width: getComputedStyle(mark).width,
    }));
  });

beforeAll(async () => {
  await world.start({ settings: { sites: { shadowHosts: 'user-table' } } });
  await world.colleagues.join('2');
  const login = await world.signIn();
  await login.close();
  page = await world.firefox.browser.newPage();
  await page.goto(`${world.server.httpUrl}/components.html`);
  await page.bringToFront();
});

afterAll(() => world.stop());

describe('tables inside shadow roots in real Firefox', () => {
  test('rows in an open shadow root are marked and styled; a closed root is left alone', async () => {
    await expect.poll(async () => (await openMarks()).length, { timeout: 15_000 }).toBe(12);
    const marks = await openMarks();
    expect(marks.find((mark) => mark.user === '1')?.state).toBe('me');
    expect(marks.find((mark) => mark.user === '2')?.state).toBe('online');
    for (const mark of marks) expect(mark.width).toBe('8px');
    // The closed list's rows are there, but nothing of Roster's is (nor could the page see it).
    const closed = await page.evaluate(
      () =>
        document.querySelectorAll('#closed-list roster-mark').length +
        (document.getElementById('closed-list')?.shadowRoot ? 1 : 0),
    );
    expect(closed).toBe(0);
  });

  test('a colleague coming online flips the mark in the shadow root within a second', async () => {
    const started = Date.now();
    await world.colleagues.join('3');
    await expect
      .poll(async () => (await openMarks()).find((mark) => mark.user === '3')?.state, { timeout: 5_000, interval: 50 })
      .toBe('online');
    expect(Date.now() - started).toBeLessThanOrEqual(1_000);
  });
});

import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { FirefoxWorld, heardCalls, listenForCallEvents, ME, SOON } from '../helpers/firefox-world';

/**
 * Calls that say what they are about (issue 17) in real Firefox: a call from the hover card carries
 * the page, a call about a page of the site has Open in my toast and opens it in one click, and an
 * address of another site is never a link. The caller and callee are plain WebSocket colleagues.
 */

const world = new FirefoxWorld();
let mine: Page;

beforeAll(() =>
  world.start({
    prefs: { 'alerts.useSystemBackend': false },
    settings: { notifications: {} },
  }),
);

afterAll(() => world.stop());

beforeEach(async () => {
  await world.reset('2', '3', '5');
  await world.endCalls();
  mine = await world.openHostTab();
  await listenForCallEvents(mine);
  await world.marksSettle(mine);
  await mine.bringToFront();
});

const ringAbout = (from: string, context: Record<string, string>) =>
  world.colleagues.get(from).send(
    JSON.stringify({
      Sender: from,
      Receiver: ME,
      SendTime: '',
      Message: { Event: 'Call', Data: { sender: '', type: '呼叫', receiver: '', ...context } },
      Type: 'Event',
    }),
  );

const toastTexts = () => world.toastTexts(mine);
const linksInToasts = () =>
  world.inContentWorld<number>(
    mine,
    `(() => { const host = document.querySelector('roster-call-toasts'); const root = host && host.openOrClosedShadowRoot;
      return root ? root.querySelectorAll('a').length : 0; })()`,
  );

describe('calls about a page in real Firefox', () => {
  test('the hover card’s Call carries the page it was made on, as the app routed it', async () => {
    const orderUrl = `${world.server.httpUrl}/?from=card#/orders/7`;
    await mine.goto(orderUrl);
    await world.marksSettle(mine);
    await mine.evaluate(() => (document.title = 'Order 7'));
    const place = await mine.evaluate(() => {
      const mark = [...document.querySelectorAll('.users-table .el-table__body-wrapper roster-mark')].find(
        (candidate) => candidate.closest('tr')?.textContent.includes('李四'),
      );
      const box = mark?.getBoundingClientRect();
      return box && { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    });
    if (!place) throw new Error('no mark for 李四');
    await mine.mouse.move(place.x, place.y);
    await expect
      .poll(
        () => mine.evaluate(() => document.querySelector('roster-card button')?.getBoundingClientRect().width ?? 0),
        {
          timeout: SOON,
        },
      )
      .toBeGreaterThan(0);
    const call = await mine.evaluate(() => {
      const box = document.querySelector('roster-card button')?.getBoundingClientRect();
      return box && { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    });
    if (!call) throw new Error('no Call button');
    await mine.mouse.click(call.x, call.y);
    expect(await world.colleagues.nextCall('2')).toMatchObject({
      Sender: ME,
      Receiver: '2',
      Message: { Data: { type: '呼叫', url: orderUrl, title: 'Order 7' } },
    });
  });

  test('a call about a page of the site: my toast says so, and Open opens it in one click', async () => {
    const recordUrl = `${world.server.httpUrl}/?record=9#/users/9`;
    ringAbout('3', { url: recordUrl, title: 'User 9', note: 'Please check the address' });
    await expect
      .poll(toastTexts, { timeout: 10_000 })
      .toEqual([expect.stringMatching(/about: User 9.*Please check the address.*Open/)]);
    await expect.poll(() => heardCalls(mine)).toHaveLength(1);
    const [heard] = await heardCalls(mine);
    expect(heard).toMatchObject({ plain: true, keys: ['callerId', 'callerName', 'note', 'time', 'title', 'url'] });
    await expect
      .poll(async () => Object.values(await world.notifications()).map((shown) => shown.message))
      .toEqual([expect.stringContaining('about: User 9')]);

    const pagesAt = async () => (await world.firefox.browser.pages()).filter((page) => page.url() === recordUrl);
    expect(await pagesAt()).toHaveLength(0);
    await world.clickToastButton(mine, 'Open');
    await expect.poll(async () => (await pagesAt()).length, { timeout: 10_000 }).toBe(1);
  });

  test('a call about another site’s address: plain text, no Open, no link', async () => {
    ringAbout('5', { url: 'https://evil.test/login', title: 'Sign in again' });
    await expect.poll(toastTexts, { timeout: 10_000 }).toEqual([expect.stringContaining('about: Sign in again')]);
    const [text] = await toastTexts();
    expect(text).not.toContain('Open');
    expect(text).not.toContain('evil.test');
    expect(await linksInToasts()).toBe(0);
    await expect.poll(() => heardCalls(mine)).toHaveLength(1);
    const [heard] = await heardCalls(mine);
    expect(heard).toMatchObject({ keys: ['callerId', 'callerName', 'time', 'title'] });
  });
});

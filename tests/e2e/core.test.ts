import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { killServiceWorker } from './helpers/chromium';
import { ChromiumWorld } from './helpers/chromium-world';
import { serverNames } from './helpers/popup-world';
import { openPopup, popupNames } from './helpers/roster-page';

/** A browser and a server of its own for each test: the first one begins signed out, and counts every connection. */
const world = new ChromiumWorld();

beforeEach(() => world.start());

afterEach(() => world.stop());

/** Names the server considers online, me (user 1) excluded. */
const expectedNames = (): string[] => serverNames(world.server);

describe('the shared connection in real Chromium', () => {
  test('signing in on the host site connects; 5 tabs and the popup share exactly one socket', async () => {
    const { server, browser } = world;
    let connectionsOfMe = 0;
    server.on('connection', ({ userId }) => userId === '1' && connectionsOfMe++);
    await world.colleagues.join('2', '3');

    const started = Date.now();
    const first = await browser.context.newPage();
    await first.goto(`${server.httpUrl}/login?userId=1`);
    await server.waitFor(() => server.connectionCount('1') === 1, 15_000);
    console.info(`e2e: sign-in to connected in ${Date.now() - started} ms`);

    for (let tab = 0; tab < 4; tab++) await (await browser.context.newPage()).goto(server.httpUrl);
    const popup = await openPopup(browser);
    await expect.poll(() => popupNames(popup), { timeout: 10_000 }).toEqual(expectedNames());
    await expect.poll(() => popup.locator('.status').textContent()).toContain('Connected');

    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(server.connectionCount('1')).toBe(1);
    expect(connectionsOfMe).toBe(1);

    await world.colleagues.join('4');
    await expect.poll(() => popupNames(popup)).toEqual(expectedNames());
    await popup.close();
  });

  test('a killed service worker is back on the next event, with the server presence', async () => {
    const { server, browser } = world;
    await world.colleagues.join('2', '3');
    await world.signIn();
    await killServiceWorker(browser);
    await server.waitFor(() => server.connectionCount('1') === 0, 10_000);

    // The world moves on while the worker is gone.
    await world.colleagues.leave('3');
    await world.colleagues.join('5');

    const woken = Date.now();
    const popup = await openPopup(browser);
    await server.waitFor(() => server.connectionCount('1') === 1, 15_000);
    console.info(`e2e: popup opened to socket restored in ${Date.now() - woken} ms`);
    await expect.poll(() => popupNames(popup), { timeout: 10_000 }).toEqual(expectedNames());
    expect(expectedNames()).toContain(server.users.find((user) => user.id === '5')?.name);
    expect(server.connectionCount('1')).toBe(1);
  });

  test('a one-minute alarm stands by to wake a stopped worker', async () => {
    const alarm = await world.browser.worker.evaluate(() => chrome.alarms.get('roster-keepalive'));
    expect(alarm).toMatchObject({ name: 'roster-keepalive', periodInMinutes: 1 });
  });
});

import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startServer, type RosterServer } from '../../dev/server/index';
import { closeAllClients, connect, type TestClient } from '../integration/helpers/ws-client';
import { killServiceWorker, launchWithExtension, type ExtensionBrowser } from './helpers/chromium';
import { configureExtension, openPopup, popupNames } from './helpers/roster-page';

let server: RosterServer;
let browser: ExtensionBrowser;
const colleagues = new Map<string, TestClient>();

beforeAll(async () => {
  server = await startServer({ port: 0 });
  browser = await launchWithExtension();
  await configureExtension(browser, server.httpUrl, server.wsUrl);
});

afterAll(async () => {
  closeAllClients();
  await browser.close();
  await server.close();
});

async function join(userId: string): Promise<void> {
  const token = server.users.find((user) => user.id === userId)?.token ?? '';
  colleagues.set(userId, await connect(`${server.wsUrl}?token=${encodeURIComponent(token)}`));
}

async function leave(userId: string): Promise<void> {
  await colleagues.get(userId)?.close();
  colleagues.delete(userId);
}

/** Names the server considers online, me (user 1) excluded. */
function expectedNames(): string[] {
  return server.onlineIds().filter((id) => id !== '1').map((id) => server.users.find((user) => user.id === id)?.name ?? id).sort();
}

describe('the shared connection in real Chromium', () => {
  test('signing in on the host site connects; 5 tabs and the popup share exactly one socket', async () => {
    let connectionsOfMe = 0;
    server.on('connection', ({ userId }) => userId === '1' && connectionsOfMe++);
    await join('2');
    await join('3');

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

    await join('4');
    await expect.poll(() => popupNames(popup)).toEqual(expectedNames());
    await popup.close();
  });

  test('a killed service worker is back on the next event, with the server presence', async () => {
    await killServiceWorker(browser);
    await server.waitFor(() => server.connectionCount('1') === 0, 10_000);

    // The world moves on while the worker is gone.
    await leave('3');
    await join('5');

    const woken = Date.now();
    const popup = await openPopup(browser);
    await server.waitFor(() => server.connectionCount('1') === 1, 15_000);
    console.info(`e2e: popup opened to socket restored in ${Date.now() - woken} ms`);
    await expect.poll(() => popupNames(popup), { timeout: 10_000 }).toEqual(expectedNames());
    expect(expectedNames()).toContain(server.users.find((user) => user.id === '5')?.name);
    expect(server.connectionCount('1')).toBe(1);
  });

  test('a one-minute alarm stands by to wake a stopped worker', async () => {
    const alarm = await browser.worker.evaluate(() => chrome.alarms.get('roster-keepalive'));
    expect(alarm).toMatchObject({ name: 'roster-keepalive', periodInMinutes: 1 });
  });
});

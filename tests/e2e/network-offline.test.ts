import { afterAll, beforeAll, expect, test } from 'vitest';
import { startServer, type RosterServer } from '../../dev/server/index';
import { launchWithExtension, type ExtensionBrowser } from './helpers/chromium';
import { configureExtension } from './helpers/roster-page';
import { workerNetwork, type WorkerNetwork } from './helpers/worker-network';

/**
 * The network goes away and comes back, for the service worker (DevTools' offline mode on the
 * worker's own target: its new sockets and fetches fail, `navigator.onLine` follows). Chromium
 * fires no online/offline events in a service worker, so this holds only because Roster looks at
 * `navigator.onLine` itself (utils/background/browser/network.ts).
 */

const OFFLINE_FOR_MS = 3_000;

let server: RosterServer;
let browser: ExtensionBrowser;
let network: WorkerNetwork | undefined;
/** When the server saw user 1 come and go (Node's clock; the browser runs on the same machine). */
const connections: number[] = [];
const disconnections: number[] = [];

/** Counts every socket the worker opens from now on, in the worker itself. */
function countSockets(): Promise<void> {
  return browser.worker.evaluate(() => {
    const scope = globalThis as unknown as { WebSocket: typeof WebSocket; rosterSocketsOpened?: number[] };
    const opened: number[] = (scope.rosterSocketsOpened = []);
    scope.WebSocket = new Proxy(scope.WebSocket, {
      construct(target, args: ConstructorParameters<typeof WebSocket>) {
        opened.push(Date.now());
        return new target(...args);
      },
    });
  });
}

const socketsOpened = () =>
  browser.worker.evaluate(() => (globalThis as unknown as { rosterSocketsOpened: number[] }).rosterSocketsOpened);

/** What the worker last mirrored of its connection (the popup shows the same). */
const mirroredReason = () =>
  browser.worker.evaluate(async () => {
    const mirror = (await chrome.storage.session.get('roster-mirror-v1'))['roster-mirror-v1'] as
      { connection: { phase: string; reason?: string } } | undefined;
    return mirror?.connection.reason ?? mirror?.connection.phase;
  });

beforeAll(async () => {
  server = await startServer({ port: 0 });
  browser = await launchWithExtension();
  await configureExtension(browser, server.httpUrl, server.wsUrl);
  const site = await browser.context.newPage();
  await site.goto(`${server.httpUrl}/login?userId=1`);
  await server.waitFor(() => server.connectionCount('1') === 1, 15_000);
  server.on('connection', ({ userId }) => userId === '1' && connections.push(Date.now()));
  server.on('disconnect', ({ userId }) => userId === '1' && disconnections.push(Date.now()));
});

afterAll(async () => {
  await network?.detach();
  await browser.close();
  await server.close();
});

test('offline: the socket is given up and nothing is tried; back online: reconnected within a second', async () => {
  await countSockets();
  network = await workerNetwork(browser);

  const offAt = Date.now();
  await network.setOffline(true);
  // DevTools' offline mode leaves an open socket be: it is Roster that lets it go, knowing it is offline.
  await server.waitFor(() => server.connectionCount('1') === 0, 5_000);
  await expect.poll(mirroredReason, { timeout: 5_000 }).toBe('offline');
  await new Promise((resolve) => setTimeout(resolve, OFFLINE_FOR_MS));
  expect(await socketsOpened()).toEqual([]);

  const onAt = Date.now();
  await network.setOffline(false);
  await server.waitFor(() => server.connectionCount('1') === 1, 5_000);
  await expect.poll(mirroredReason, { timeout: 5_000 }).toBe('connected');

  const noticedMs = (disconnections[0] ?? Number.NaN) - offAt;
  const backMs = (connections[0] ?? Number.NaN) - onAt;
  console.info(
    `network: offline noticed in ${noticedMs} ms, ${OFFLINE_FOR_MS} ms offline with no attempt, reconnected ${backMs} ms after coming back`,
  );
  expect(await socketsOpened()).toHaveLength(1);
  expect(connections).toHaveLength(1);
  expect(backMs).toBeLessThanOrEqual(1_000);
});

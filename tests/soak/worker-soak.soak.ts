import { afterAll, expect, test } from 'vitest';
import { startServer, type RosterServer } from '../../dev/server/index';
import { launchBareChromium, type BareChromium } from './helpers/bare-chromium';

/**
 * Soak: Roster connected to a quiet server for 10 minutes in Chromium, with nothing attached to its
 * service worker (see bare-chromium.ts) and no host tab open, so only the connection's own
 * traffic keeps the worker awake. The socket must never drop because Chromium stopped the worker.
 *
 * The server is the quietest kind: a legacy one that never answers `heart check`, so after the
 * first online list nothing at all comes from it; only Roster's heartbeat (every 20 s) flows.
 *
 * `npm run test:soak` (not part of `npm test`). ROSTER_SOAK_MINUTES sets the length (default 10);
 * ROSTER_SOAK_HEARTBEAT_S overrides the heartbeat setting, e.g. 60 to check that the soak does see
 * a worker stopped for want of traffic (that run is expected to fail).
 */

const MINUTES = Number(process.env.ROSTER_SOAK_MINUTES ?? '10');
const HEARTBEAT_S = process.env.ROSTER_SOAK_HEARTBEAT_S;
const SAMPLE_MS = 10_000;
const ME = '1';

let server: RosterServer | undefined;
let chromium: BareChromium | undefined;

afterAll(async () => {
  await chromium?.close();
  await server?.close();
});

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

test(
  `soak: ${MINUTES} min with a quiet server, the socket is never dropped by a stopped worker`,
  { timeout: (MINUTES * 60 + 180) * 1000 },
  async () => {
    const srv = (server = await startServer({ port: 0, heartbeatReply: false }));
    const browser = (chromium = await launchBareChromium());
    const settings = {
      serverUrl: srv.wsUrl,
      auth: { cookieUrl: `${srv.httpUrl}/`, cookieName: 'USERTOKEN' },
      directory: { url: `${srv.httpUrl}/api/users` },
      ...(HEARTBEAT_S ? { connection: { heartbeatSeconds: Number(HEARTBEAT_S) } } : {}),
    };
    // From an extension page, not the worker: attaching to the worker would keep it alive.
    await browser.evaluateIn(
      `chrome-extension://${browser.extensionId}/options.html`,
      `chrome.storage.local.set(${JSON.stringify({ settings })})`,
    );
    const closeSite = await browser.open(`${srv.httpUrl}/login?userId=${ME}`);
    await srv.waitFor(() => srv.connectionCount(ME) === 1, 30_000);
    // No host tab stays open: no content script, no port, nothing but the socket.
    await closeSite();

    const start = Date.now();
    const at = (): string => {
      const seconds = Math.round((Date.now() - start) / 1000);
      return `+${String(Math.floor(seconds / 60)).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}`;
    };
    const events: string[] = [];
    srv.on('disconnect', ({ userId, code }) => userId === ME && events.push(`${at()} socket closed (${code})`));
    srv.on('connection', ({ userId }) => userId === ME && events.push(`${at()} reconnected`));
    let heartbeats = 0;
    srv.on('frame', ({ userId, text }) => userId === ME && text === 'heart check' && heartbeats++);

    let samples = 0;
    const workerStopped: string[] = [];
    while (Date.now() - start < MINUTES * 60_000) {
      await sleep(SAMPLE_MS);
      samples++;
      if (!(await browser.workerRunning())) workerStopped.push(at());
    }

    const reconnects = events.filter((line) => line.endsWith('reconnected')).length;
    console.info(
      [
        `soak ${new Date().toISOString()}: ${MINUTES} min, heartbeat ${HEARTBEAT_S ?? 20} s, quiet (legacy) server`,
        `  ${reconnects} reconnects, ${heartbeats} heartbeats sent, worker seen stopped in ${workerStopped.length} of ${samples} samples`,
        ...events.map((line) => `  ${line}`),
        ...workerStopped.map((time) => `  ${time} worker not running`),
      ].join('\n'),
    );
    expect(events).toEqual([]);
    expect(workerStopped).toEqual([]);
    expect(srv.connectionCount(ME)).toBe(1);
  },
);

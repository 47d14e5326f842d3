import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, test } from 'vitest';
import { recordWords, rowStatusWords } from '../../utils/pages/popup/call-text';
import { defaultConnectionOptions } from '../../utils/background/connection/types';
import { startServer, type RosterServer } from '../../dev/server/index';
import type { OutgoingCall } from '../../utils/core/calls/records';
import { callOutcome } from '../../utils/content/card/call-outcome';
import type { UserId } from '../../utils/core/protocol/schemas';
import { startBackground, type Background } from './helpers/background';
import { StatusLog } from './helpers/status-log';
import { closeAllClients, connect, type TestClient } from './helpers/ws-client';

/**
 * A half-open link: the server stops answering but TCP stays up, so the socket never closes on its
 * own. `server.freeze(true)` silences everything the server sends (lists, calls, heartbeat replies,
 * pongs). It does not stop the server reading, and need not: the client cannot tell whether its
 * bytes were read at the far end, only that nothing comes back.
 *
 * The background core runs as in the worker, against the real server. The heartbeat is 1 s here to
 * keep the test short (the settings allow 5 s and up; the service takes what it is given). Run it
 * with ROSTER_HALF_OPEN_HEARTBEAT_S=5 to measure at a real setting.
 */
const HEARTBEAT_S = Number(process.env.ROSTER_HALF_OPEN_HEARTBEAT_S ?? '1');
const INTERVAL_MS = HEARTBEAT_S * 1000;
/** Timers on a loaded 2-core machine fire a little late. */
const SLACK_MS = 250;
/** The first retry after a lost link waits up to the backoff base. */
const FIRST_RETRY_MS = defaultConnectionOptions.backoff.baseMs;
const TIMEOUT = 12 * INTERVAL_MS + 10_000;

let server: RosterServer | undefined;
let background: Background | undefined;
const life = new AbortController();

afterEach(async () => {
  background?.stop();
  background = undefined;
  closeAllClients();
  await server?.close();
  server = undefined;
});

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function colleague(srv: RosterServer, userId: string): Promise<TestClient> {
  return connect(`${srv.wsUrl}?token=${encodeURIComponent(srv.tokenFor(userId))}`);
}

/** Resolves once the server has read `count` more heartbeats from `userId`. */
function heartbeats(srv: RosterServer, userId: string, count: number): Promise<void> {
  return new Promise((resolve) => {
    let seen = 0;
    const off = srv.on('frame', (frame) => {
      if (frame.userId !== userId || frame.text !== 'heart check' || ++seen < count) return;
      off();
      resolve();
    });
  });
}

/** Me (user 1) signed in, connected with the short heartbeat, and seeing `online`. */
async function signedIn(srv: RosterServer, online: string[]): Promise<{ bg: Background; log: StatusLog }> {
  const bg = (background = startBackground(srv));
  const log = new StatusLog(bg.service, life.signal);
  bg.signIn('1');
  bg.configure({ connection: { ...bg.settings.connection, heartbeatSeconds: HEARTBEAT_S } });
  await log.next((status) => status.phase === 'connected', 0, 10_000);
  await expect.poll(() => bg.online()).toEqual(online);
  return { bg, log };
}

describe('half-open link', () => {
  test(
    'a server that answers heartbeats: the frozen link is found dead within two heartbeats and replaced',
    { timeout: TIMEOUT },
    async () => {
      const srv = (server = await startServer({ port: 0 }));
      await colleague(srv, '2');
      const { bg, log } = await signedIn(srv, ['1', '2']);

      // Two answered heartbeats make the server trusted. Freezing just after the second answer is
      // the worst case: a full two intervals of silence from here.
      await heartbeats(srv, '1', 2);
      await sleep(50);
      const frozenAt = Date.now();
      srv.freeze(true);
      const from = log.entries.length;
      // Presence moves on while the link is dead: 王五 arrives, and nobody tells us.
      await colleague(srv, '3');

      const dead = await log.next((status) => status.reason === 'no-heartbeat', from, 3 * INTERVAL_MS + 2_000);
      // The server is reachable again by the time Roster retries (a new path, a restarted proxy).
      srv.freeze(false);
      const back = await log.next((status) => status.phase === 'connected', dead.index, FIRST_RETRY_MS + 5_000);
      await expect.poll(() => bg.online()).toEqual(['1', '2', '3']);
      await srv.waitFor(() => srv.connectionCount('1') === 1);

      const detectedMs = dead.at - frozenAt;
      const reconnectedMs = back.at - dead.at;
      console.info(
        `half-open, heartbeat ${HEARTBEAT_S} s: detected ${detectedMs} ms after the freeze, reconnected ${reconnectedMs} ms later`,
      );
      expect(dead.status.lastError).toBe(`no frame for ${2 * HEARTBEAT_S} s`);
      expect(detectedMs).toBeLessThanOrEqual(2 * INTERVAL_MS + SLACK_MS);
      // Not before two intervals of silence: a slow answer is not a dead link.
      expect(detectedMs).toBeGreaterThanOrEqual(2 * INTERVAL_MS - 100);
      expect(reconnectedMs).toBeLessThanOrEqual(FIRST_RETRY_MS + SLACK_MS);
    },
  );

  test(
    'a legacy server that never answers heartbeats: a call into the frozen link is shown as sent, never as rung',
    { timeout: TIMEOUT },
    async () => {
      const srv = (server = await startServer({ port: 0, heartbeatReply: false }));
      const li = await colleague(srv, '2');
      const { bg } = await signedIn(srv, ['1', '2']);
      await heartbeats(srv, '1', 2);
      srv.freeze(true);

      const result = bg.service.sendCall('2' as UserId);
      expect(result).toMatchObject({ ok: true, call: { status: 'sent' } });
      await sleep(3 * INTERVAL_MS);

      // Silence from a server that never answered a heartbeat proves nothing: the link stays up…
      expect(bg.service.state().connection.phase).toBe('connected');
      // …and nobody rang: the server never passed the call on.
      expect(li.frames.filter((frame) => frame.includes('"Event":"Call"'))).toEqual([]);

      // So "sent" means handed to the socket, and every view says exactly that.
      const record = bg.service.state().calls.records.find((call): call is OutgoingCall => call.kind === 'outgoing');
      expect(record?.status).toBe('sent');
      if (!record) return;
      const keys = [
        recordWords(record).key,
        rowStatusWords({ kind: 'sent', at: record.at }, '李四', String).key,
        callOutcome(result).key,
      ];
      expect(keys).toEqual(['callSent', 'popupCallSentAt', 'cardCallSent']);
      expect(keys.map((key) => shown('en', key))).toEqual(['Sent', 'Sent at $TIME$', 'Sent']);
      expect(keys.map((key) => shown('zh_CN', key))).toEqual(['已发送', '已于 $TIME$ 发送', '已发送']);
    },
  );
});

/** A message as the extension ships it. */
function shown(locale: string, key: string): string {
  const path = new URL(`../../public/_locales/${locale}/messages.json`, import.meta.url);
  const messages = JSON.parse(readFileSync(path, 'utf8')) as Record<string, { message: string } | undefined>;
  return messages[key]?.message ?? `(no ${key})`;
}

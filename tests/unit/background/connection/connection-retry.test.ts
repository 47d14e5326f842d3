import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { backoffCeiling } from '../../../../utils/background/connection/backoff';
import { defaultConnectionOptions } from '../../../../utils/background/connection/types';
import { advance, connect, settle } from './fakes';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

const { backoff, cannotReachAfterMs } = defaultConnectionOptions;
const waitFor = (status: { nextRetryAt?: number }): number => (status.nextRetryAt ?? NaN) - Date.now();

describe('Connection: closes', () => {
  test.each([
    [1006, 'server-closed', 2],
    [1001, 'server-closed', 2],
    [1000, 'server-closed', 2],
    [4000, 'server-closed', 2],
    [4001, 'unauthorized', 1],
    [4003, 'unauthorized', 1],
    [1008, 'unauthorized', 1],
  ] as const)('close %i after open → %s, %i socket(s) a minute later', async (code, reason, count) => {
    const c = connect();
    const socket = await c.connected();
    socket.serverClose(code);
    expect(c.connection.status).toMatchObject({ phase: 'disconnected', reason });
    await advance(60_000);
    expect(c.sockets).toHaveLength(count);
  });

  test.each([
    [1006, undefined, 'closed with 1006 before opening'],
    [1001, 3_000, 'closed with 1001 (going away) after 3 s'],
    [4001, 0, 'closed with 4001 after 0 s'],
  ])('close %i, open for %s ms, reads "%s"', async (code, openFor, lastError) => {
    const c = connect();
    await c.start();
    if (openFor !== undefined) {
      c.last().open();
      await advance(openFor);
    }
    c.last().serverClose(code);
    expect(c.connection.status.lastError).toBe(lastError);
  });

  test('unauthorized waits for reconnect(), which starts over with a fresh token', async () => {
    const c = connect();
    (await c.connected()).serverClose(4001);
    c.connection.retryNow();
    await advance(10 * 60_000);
    expect(c.sockets).toHaveLength(1);

    c.token.value = 'renewed';
    c.connection.reconnect();
    await settle();
    expect(c.sockets).toHaveLength(2);
    expect(c.last().url).toContain('token=renewed');
    expect(c.connection.status).toMatchObject({ phase: 'connecting', attempt: 0 });
  });

  test('an error event is a failure like a close', async () => {
    const c = connect();
    await c.start();
    c.last().error();
    expect(c.connection.status).toMatchObject({
      reason: 'server-closed',
      lastError: 'socket error before opening',
    });
  });
});

describe('Connection: backoff', () => {
  test('a server that accepts and drops at once is retried ever more slowly', async () => {
    const c = connect({ random: () => 0.999 });
    await c.start();
    for (let attempt = 0; attempt <= 8; attempt += 1) {
      c.last().open();
      c.last().serverClose(1006);
      const { status } = c.connection;
      expect(status).toMatchObject({ reason: 'server-closed', attempt: attempt + 1 });
      expect(waitFor(status)).toBeCloseTo(0.999 * backoffCeiling(attempt, backoff));
      await advance(waitFor(status));
    }
  });

  test('the attempt count resets only after 10 s connected', async () => {
    const c = connect({ random: () => 0.999 });
    await c.start();
    for (let i = 0; i < 3; i += 1) {
      c.last().serverClose(1006);
      await advance(waitFor(c.connection.status));
    }
    c.last().open();
    await advance(9_999);
    expect(c.connection.status).toMatchObject({ phase: 'connected', attempt: 3 });
    await advance(1);
    expect(c.connection.status).toMatchObject({ phase: 'connected', attempt: 0 });
    c.last().serverClose(1006);
    expect(waitFor(c.connection.status)).toBeLessThan(backoff.baseMs);
  });

  test('retryNow() skips the wait but keeps the count', async () => {
    const c = connect({ random: () => 0.999 });
    await c.start();
    c.last().serverClose(1006);
    c.last().serverClose(1006); // stale: ignored
    c.connection.retryNow();
    await settle();
    expect(c.sockets).toHaveLength(2);
    expect(c.connection.status).toMatchObject({ phase: 'connecting', attempt: 1 });
  });

  type Harness = ReturnType<typeof connect>;
  test.each([
    ['connecting', (c: Harness) => c.start()],
    [
      'connected',
      async (c: Harness) => {
        await c.connected();
      },
    ],
    [
      'stopped',
      (c: Harness) => {
        c.connection.stop();
        return Promise.resolve();
      },
    ],
    [
      'without a token',
      async (c: Harness) => {
        c.token.value = undefined;
        await c.start();
      },
    ],
  ])('retryNow() does nothing while %s', async (_, arrange) => {
    const c = connect();
    await arrange(c);
    const before = c.sockets.length;
    c.connection.retryNow();
    await settle();
    expect(c.sockets).toHaveLength(before);
  });
});

describe('Connection: cannot reach', () => {
  const failBeforeOpen = async (c: ReturnType<typeof connect>, times: number): Promise<void> => {
    for (let i = 0; i < times; i += 1) {
      c.connection.retryNow();
      await settle();
      c.last().serverClose(1006);
    }
  };

  test('5 quick failures before open are not enough: a restarting server refuses just as fast', async () => {
    const c = connect();
    await c.start();
    c.last().serverClose(1006);
    await failBeforeOpen(c, 5);
    expect(c.connection.status).toMatchObject({ reason: 'server-closed', attempt: 6 });
    expect(waitFor(c.connection.status)).toBeLessThanOrEqual(backoff.capMs);
  });

  test('after 5 failures before open over at least 10 s, retries every 60 s and says cannot-reach', async () => {
    const c = connect();
    await c.start();
    c.last().serverClose(1006);
    await failBeforeOpen(c, 3);
    // The scheduled retry opens socket 5 meanwhile; it fails just short of 10 s.
    await advance(cannotReachAfterMs - 1);
    c.last().serverClose(1006);
    expect(c.connection.status).toMatchObject({ reason: 'server-closed', attempt: 5 });
    await advance(waitFor(c.connection.status));
    c.last().serverClose(1006);
    expect(c.connection.status).toMatchObject({
      reason: 'cannot-reach',
      attempt: 6,
      lastError: 'closed with 1006 before opening',
    });
    expect(waitFor(c.connection.status)).toBe(60_000);

    await advance(59_999);
    expect(c.sockets).toHaveLength(6);
    await advance(1);
    expect(c.sockets).toHaveLength(7);
    c.last().serverClose(1006);
    expect(waitFor(c.connection.status)).toBe(60_000);
  });

  test('one successful open ends slow mode', async () => {
    const c = connect({ random: () => 0.999 });
    await c.start();
    c.last().serverClose(1006);
    await failBeforeOpen(c, 4);
    // The next retry, late enough that the failures have gone on for 10 s.
    await advance(Math.max(cannotReachAfterMs, waitFor(c.connection.status)));
    c.last().serverClose(1006);
    expect(c.connection.status.reason).toBe('cannot-reach');
    c.connection.retryNow(); // allowed in slow mode
    await settle();
    c.last().open();
    c.last().serverClose(1001);
    expect(c.connection.status.reason).toBe('server-closed');
    expect(waitFor(c.connection.status)).toBeLessThan(30_000);
  });

  test('reconnect() clears cannot-reach and the count', async () => {
    const c = connect();
    await c.start();
    c.last().serverClose(1006);
    await failBeforeOpen(c, 4);
    c.connection.reconnect();
    await settle();
    expect(c.connection.status).toMatchObject({ phase: 'connecting', attempt: 0 });
  });
});

describe('Connection: network', () => {
  test('offline closes the socket and waits; online attempts at once with a fresh count', async () => {
    const c = connect();
    const socket = await c.connected();
    socket.serverClose(1006);
    await advance(waitFor(c.connection.status));
    c.network.set(false);
    expect(c.last().closedWith?.code).toBe(1000);
    expect(c.connection.status).toMatchObject({ phase: 'disconnected', reason: 'offline' });
    expect(c.connection.status.nextRetryAt).toBeUndefined();
    await advance(10 * 60_000);
    expect(c.sockets).toHaveLength(2);

    c.network.set(true);
    await settle();
    expect(c.sockets).toHaveLength(3);
    expect(c.connection.status).toMatchObject({ phase: 'connecting', attempt: 0 });
  });

  test('offline cancels a scheduled retry', async () => {
    const c = connect();
    (await c.connected()).serverClose(1006);
    c.network.set(false);
    await advance(10 * 60_000);
    expect(c.sockets).toHaveLength(1);
  });

  test('offline at start: wait for the network', async () => {
    const c = connect({ online: false });
    await c.start();
    expect(c.connection.status.reason).toBe('offline');
    expect(c.sockets).toHaveLength(0);
    c.network.set(true);
    await settle();
    expect(c.sockets).toHaveLength(1);
  });

  test('a network flap does not override unauthorized', async () => {
    const c = connect();
    (await c.connected()).serverClose(4003);
    c.network.set(false);
    c.network.set(true);
    await settle();
    expect(c.connection.status.reason).toBe('unauthorized');
    expect(c.sockets).toHaveLength(1);
  });
});

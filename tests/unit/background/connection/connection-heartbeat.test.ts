import { defaultConnectionOptions } from '../../../../utils/background/connection/types';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { advance, connect } from './fakes';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

const HEART = 'heart check';

describe('Connection: heartbeat', () => {
  test('sends the legacy heartbeat every 20 s while connected, none before', async () => {
    const c = connect();
    await c.start();
    await advance(60_000);
    c.last().open();
    await advance(19_999);
    expect(c.last().sent).toEqual([]);
    await advance(1);
    expect(c.last().sent).toEqual([HEART]);
    await advance(40_000);
    expect(c.last().sent).toEqual([HEART, HEART, HEART]);
  });

  test('the payload is configurable', async () => {
    const c = connect({ options: { heartbeatPayload: '{"Type":"Ping"}' } });
    const socket = await c.connected();
    await advance(20_000);
    expect(socket.sent).toEqual(['{"Type":"Ping"}']);
  });

  test('a server that never answers heartbeats is never declared dead', async () => {
    const c = connect();
    const socket = await c.connected();
    socket.receive('frame before any heartbeat'); // not an answer
    await advance(10 * 60_000);
    expect(socket.live).toBe(true);
    expect(c.connection.status.phase).toBe('connected');
    expect(socket.sent).toHaveLength(30);
  });

  test.each([
    ['answers only one heartbeat', [0, null]],
    ['answers, misses one, answers again', [0, null, 0, null]],
    ['answers too late (6 s after)', [6_000, 6_000, 6_000]],
  ])('a server that %s has not earned trust: silence is fine', async (_, answerDelays) => {
    const c = connect();
    const socket = await c.connected();
    await advance(20_000);
    for (const delay of answerDelays) {
      // A heartbeat has just gone out; the "answer" comes `delay` ms later, or not at all.
      await advance(delay ?? 0);
      if (delay !== null) socket.receive('presence update');
      await advance(20_000 - (delay ?? 0));
    }
    await advance(5 * 60_000);
    expect(c.connection.status.phase).toBe('connected');
    expect(socket.live).toBe(true);
  });

  test('once it has answered two heartbeats in a row, 40 s of silence is a dead link: close 4000, back off', async () => {
    const c = connect();
    const socket = await c.connected();
    await advance(20_000);
    socket.receive('answer');
    await advance(20_000);
    socket.receive('answer');
    await advance(39_999);
    expect(c.connection.status.phase).toBe('connected');
    await advance(1);
    expect(socket.closedWith?.code).toBe(4000);
    expect(c.connection.status).toMatchObject({
      phase: 'disconnected',
      reason: 'no-heartbeat',
      attempt: 1,
      lastError: 'no frame for 40 s',
    });
    expect(c.connection.status.nextRetryAt).toBeDefined();
    await advance(defaultConnectionOptions.backoff.baseMs);
    expect(c.sockets).toHaveLength(2);
  });

  test('any frame keeps an answering link alive', async () => {
    const c = connect();
    const socket = await c.connected();
    await advance(20_000);
    socket.receive('answer');
    await advance(20_000);
    for (let i = 0; i < 10; i += 1) {
      socket.receive('presence');
      await advance(39_000);
    }
    expect(c.connection.status.phase).toBe('connected');
  });

  test("timers die with their socket, and a new socket must earn 'answered' again", async () => {
    const c = connect({ random: () => 0 });
    const first = await c.connected();
    await advance(20_000);
    first.receive('answer');
    await advance(20_000);
    first.receive('answer');
    first.serverClose(1006);
    await advance(0);
    c.last().open();
    await advance(10 * 60_000);
    expect(first.sent).toEqual([HEART, HEART]);
    expect(c.last().live).toBe(true);
    expect(c.connection.status.phase).toBe('connected');
  });
});

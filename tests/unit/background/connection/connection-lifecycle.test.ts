import { defaultConnectionOptions } from '../../../../utils/background/connection/types';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { advance, connect, settle } from './fakes';
import type { ConnectionStatus, StatusChange } from '../../../../utils/core/messages/connection-status';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

/** `phase` or `phase/reason`, to read a status sequence at a glance. */
const label = (change: ConnectionStatus): string =>
  change.reason === undefined ? change.phase : `${change.phase}/${change.reason}`;
const steps = (changes: readonly StatusChange[]): string[] =>
  changes.map((change) => `${label(change.from)} → ${label(change.to)}`);

describe('Connection: connecting', () => {
  test.each([
    ['wss://host.example/ws', 'wss://host.example/ws?token=tok-1'],
    ['wss://host.example/ws?v=2', 'wss://host.example/ws?v=2&token=tok-1'],
  ])('%s gets the token appended: %s', async (serverUrl, url) => {
    const c = connect({ options: { serverUrl } });
    await c.start();
    expect(c.last().url).toBe(url);
  });

  test('reads the token fresh for every attempt', async () => {
    const c = connect();
    await c.start();
    c.token.value = 'new token&more';
    c.last().serverClose(1006);
    await advance(30_000);
    expect(c.sockets.map((socket) => socket.url)).toEqual([
      'wss://host.example/ws?token=tok-1',
      'wss://host.example/ws?token=new%20token%26more',
    ]);
  });

  test('without a token: no attempt and nothing scheduled until reconnect()', async () => {
    const c = connect();
    c.token.value = undefined;
    await c.start();
    expect(c.connection.status).toMatchObject({ phase: 'disconnected', reason: 'no-token' });
    expect(c.connection.status.nextRetryAt).toBeUndefined();
    await advance(10 * 60_000);
    expect(c.sockets).toHaveLength(0);

    c.token.value = 'tok-2';
    c.connection.reconnect();
    await settle();
    expect(c.last().url).toContain('token=tok-2');
  });

  test('without a server URL: not-configured, and no attempt', async () => {
    const c = connect({ options: { serverUrl: '' } });
    await c.start();
    expect(c.connection.status).toMatchObject({ phase: 'disconnected', reason: 'not-configured' });
    await advance(10 * 60_000);
    expect(c.sockets).toHaveLength(0);
  });

  test('a factory error quoting the URL never puts the token in the status', async () => {
    const c = connect();
    c.token.value = 'secret/tok+en';
    c.factory.error = new SyntaxError(
      "Failed to construct 'WebSocket': The URL 'wss://host.example/ws?token=secret%2Ftok%2Ben' is invalid. (secret/tok+en)",
    );
    await c.start();
    const { lastError } = c.connection.status;
    expect(lastError).toContain('could not open a socket');
    expect(lastError).not.toContain('secret');
    expect(lastError).toContain('[token]');
  });

  test('a factory that throws is a failed attempt, retried with backoff', async () => {
    const c = connect();
    c.factory.error = new SyntaxError("'wss://bad url' is not a valid URL");
    await c.start();
    expect(c.connection.status).toMatchObject({
      phase: 'disconnected',
      reason: 'server-closed',
      attempt: 1,
      lastError: "could not open a socket: 'wss://bad url' is not a valid URL",
    });
    c.factory.error = undefined;
    await advance(defaultConnectionOptions.backoff.baseMs);
    expect(c.sockets).toHaveLength(1);
  });

  test('sockets use binaryType arraybuffer and frames reach listeners untouched', async () => {
    const c = connect();
    const socket = await c.connected();
    const buffer = new ArrayBuffer(4);
    socket.receive('{"Type":"Chat","Message":["1"]}');
    socket.receive(buffer);
    expect(socket.binaryType).toBe('arraybuffer');
    expect(c.frames).toEqual(['{"Type":"Chat","Message":["1"]}', buffer]);
  });

  test('send() is true only for an open socket and never queues', async () => {
    const c = connect();
    await c.start();
    expect(c.connection.send('early')).toBe(false);
    c.last().open();
    expect(c.connection.send('hello')).toBe(true);
    c.last().serverClose(1006);
    expect(c.connection.send('late')).toBe(false);
    expect(c.sockets[0]?.sent).toEqual(['hello']);
  });
});

describe('Connection: stopping', () => {
  test('stop() closes with 1000 and makes no more attempts', async () => {
    const c = connect();
    const socket = await c.connected();
    c.connection.stop();
    expect(socket.closedWith?.code).toBe(1000);
    expect(c.connection.status).toMatchObject({ phase: 'disconnected', reason: 'stopped' });
    socket.serverClose(1000);
    await advance(10 * 60_000);
    expect(c.sockets).toHaveLength(1);
  });

  test('aborting the start signal is stop()', async () => {
    const c = connect();
    const socket = await c.connected();
    c.life.abort();
    expect(socket.closedWith?.code).toBe(1000);
    expect(c.connection.status.reason).toBe('stopped');
  });

  test('start() is idempotent, and aborting any of its signals stops', async () => {
    const c = connect();
    await c.start();
    const other = new AbortController();
    c.connection.start(other.signal);
    await settle();
    expect(c.sockets).toHaveLength(1);
    other.abort();
    expect(c.connection.status.reason).toBe('stopped');
  });

  test('reconnect() after stop() starts again', async () => {
    const c = connect();
    await c.connected();
    c.connection.stop();
    c.connection.reconnect();
    await settle();
    expect(c.sockets).toHaveLength(2);
    expect(c.connection.status.phase).toBe('connecting');
  });

  test('stop() while the token is being read opens no socket', async () => {
    let release: (token: string) => void = () => undefined;
    const c = connect({ getToken: () => new Promise((resolve) => (release = resolve)) });
    c.connection.start(c.life.signal);
    c.connection.stop();
    release('tok');
    await settle();
    expect(c.sockets).toHaveLength(0);
    expect(c.connection.status.reason).toBe('stopped');
  });

  test('reconnect() while the token is being read makes one socket, with the newer token', async () => {
    const releases: ((token: string) => void)[] = [];
    const c = connect({ getToken: () => new Promise((resolve) => releases.push(resolve)) });
    c.connection.start(c.life.signal);
    c.connection.reconnect();
    releases[1]?.('second');
    releases[0]?.('first');
    await settle();
    expect(c.sockets.map((socket) => socket.url)).toEqual(['wss://host.example/ws?token=second']);
  });
});

describe('Connection: state changes', () => {
  test('one emission per transition, each starting where the last ended', async () => {
    const c = connect();
    await c.connected();
    c.connection.start(c.life.signal); // idempotent: no change
    c.connection.reconnect();
    await settle();
    c.connection.stop();
    c.connection.stop();
    expect(steps(c.changes)).toEqual([
      'disconnected/stopped → connecting',
      'connecting → connected',
      'connected → connecting',
      'connecting → disconnected/stopped',
    ]);
    c.changes.forEach((change, i) => {
      expect(change.from).not.toEqual(change.to);
      if (i > 0) expect(change.from).toBe(c.changes[i - 1]?.to);
    });
    expect(c.connection.status).toBe(c.changes.at(-1)?.to);
  });

  test('late events from a replaced socket are ignored', async () => {
    const c = connect();
    const old = await c.connected();
    c.connection.reconnect();
    await settle();
    const changesBefore = c.changes.length;
    old.receive('stale frame');
    old.open();
    old.serverClose(1006);
    old.error();
    expect(c.frames).toEqual([]);
    expect(c.changes).toHaveLength(changesBefore);
    expect(c.connection.status.phase).toBe('connecting');
    c.last().open();
    expect(c.connection.status.phase).toBe('connected');
  });

  test('there is never more than one live socket', async () => {
    const c = connect({ random: () => 0 });
    const seen: number[] = [];
    await c.connected();
    seen.push(c.live());
    c.connection.reconnect();
    await settle();
    seen.push(c.live());
    c.connection.reconnect();
    await settle();
    seen.push(c.live());
    c.last().serverClose(1006);
    await advance(1);
    seen.push(c.live());
    c.network.set(false);
    seen.push(c.live());
    c.network.set(true);
    await settle();
    seen.push(c.live());
    expect(seen).toEqual([1, 1, 1, 1, 0, 1]);
    expect(c.sockets.length).toBeGreaterThan(3);
  });

  test('a throwing status listener neither breaks the connection nor vanishes', async () => {
    const c = connect();
    c.connection.onStatus(() => {
      throw new Error('listener bug');
    }, c.life.signal);
    c.connection.start(c.life.signal);
    await expect(settle()).rejects.toThrow('listener bug');
    c.last().open();
    expect(c.connection.status.phase).toBe('connected');
    expect(steps(c.changes)).toContain('connecting → connected');
  });
});

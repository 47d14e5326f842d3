import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { Outbox } from '../../../../utils/background/connection/outbox';
import type { OutboxItem, OutboxOptions } from '../../../../utils/background/connection/types';
import { clock, timers } from './fakes';

beforeEach(() => {
  vi.useFakeTimers({ now: 0 });
});
afterEach(() => {
  vi.useRealTimers();
});

/** An outbox over a fake socket that accepts sends only while `open`, and never those in `refuse`. */
function outbox(options: Partial<OutboxOptions> = {}) {
  const wire: string[] = [];
  const socket = { open: false, refuse: new Set<string>() };
  const changes: string[] = [];
  const box = new Outbox<string>(
    { capacity: 50, ttlMs: 60_000, ...options },
    {
      clock,
      timers,
      send: (text) => {
        if (!socket.open || socket.refuse.has(text)) return false;
        wire.push(text);
        return true;
      },
    },
  );
  const life = new AbortController();
  const describe = (item: OutboxItem<string>): string =>
    `${item.meta}:${item.status}${item.error === undefined ? '' : `:${item.error}`}`;
  box.onChange((item) => changes.push(describe(item)), life.signal);
  return { box, wire, socket, changes };
}

describe('Outbox', () => {
  test('sends at once when the socket takes it', () => {
    const o = outbox();
    o.socket.open = true;
    expect(o.box.enqueue('hello', 'a')).toMatchObject({ id: '1', status: 'sent', settledAt: 0 });
    expect(o.wire).toEqual(['hello']);
    expect(o.changes).toEqual(['a:sent']);
    expect(o.box.items).toEqual([]);
  });

  test('queues when it cannot, and flush() sends in order until the socket refuses', () => {
    const o = outbox();
    o.box.enqueue('1', 'a');
    o.box.enqueue('2', 'b');
    expect(o.box.items.map((item) => item.status)).toEqual(['queued', 'queued']);
    o.socket.open = true;
    o.box.flush();
    expect(o.wire).toEqual(['1', '2']);
    expect(o.changes).toEqual(['a:queued', 'b:queued', 'a:sent', 'b:sent']);
    expect(o.box.items).toEqual([]);
  });

  test('flush() stops at the first refusal and keeps the rest queued', () => {
    const o = outbox();
    o.box.enqueue('1', 'a');
    o.box.enqueue('2', 'b');
    o.box.enqueue('3', 'c');
    o.socket.open = true;
    o.socket.refuse.add('2');
    o.box.flush();
    expect(o.wire).toEqual(['1']);
    expect(o.box.items.map((item) => item.meta)).toEqual(['b', 'c']);
  });

  test('a new message does not overtake queued ones', () => {
    const o = outbox();
    o.box.enqueue('old', 'a');
    o.socket.open = true;
    o.box.enqueue('new', 'b');
    expect(o.wire).toEqual(['old', 'new']);
  });

  test('a full queue fails the new item at once and keeps the old ones', () => {
    const o = outbox({ capacity: 2 });
    o.box.enqueue('1', 'a');
    o.box.enqueue('2', 'b');
    expect(o.box.enqueue('3', 'c')).toMatchObject({ status: 'failed', error: 'queue-full' });
    expect(o.box.items.map((item) => item.meta)).toEqual(['a', 'b']);
  });

  test('items expire after the ttl, with one timer for the whole queue', async () => {
    const o = outbox();
    o.box.enqueue('1', 'a');
    await vi.advanceTimersByTimeAsync(30_000);
    o.box.enqueue('2', 'b');
    o.box.enqueue('3', 'c');
    expect(vi.getTimerCount()).toBe(1);
    await vi.advanceTimersByTimeAsync(30_000);
    expect(o.changes).toContain('a:failed:expired');
    expect(o.box.items.map((item) => item.meta)).toEqual(['b', 'c']);
    await vi.advanceTimersByTimeAsync(30_000);
    expect(o.box.items).toEqual([]);
    expect(o.changes.slice(-2)).toEqual(['b:failed:expired', 'c:failed:expired']);
    expect(vi.getTimerCount()).toBe(0);
  });

  test('an expired item is not sent by a later flush', () => {
    const o = outbox();
    o.box.enqueue('stale', 'a');
    vi.setSystemTime(60_000); // the clock moved but the timer has not fired yet
    o.socket.open = true;
    o.box.flush();
    expect(o.wire).toEqual([]);
    expect(o.changes).toEqual(['a:queued', 'a:failed:expired']);
  });

  test('clear() fails everything queued with the given reason', () => {
    const o = outbox();
    o.box.enqueue('1', 'a');
    o.box.enqueue('2', 'b');
    o.box.clear('stopped');
    expect(o.box.items).toEqual([]);
    expect(o.changes.slice(-2)).toEqual(['a:failed:stopped', 'b:failed:stopped']);
    expect(vi.getTimerCount()).toBe(0);
  });

  test('nothing is sent twice, even when a listener flushes during a flush', () => {
    const o = outbox();
    const life = new AbortController();
    o.box.onChange(() => o.box.flush(), life.signal);
    o.box.enqueue('1', 'a');
    o.box.enqueue('2', 'b');
    o.socket.open = true;
    o.box.flush();
    o.box.flush();
    expect(o.wire).toEqual(['1', '2']);
  });

  test('ids come from the injected source when given', () => {
    let n = 100;
    const box = new Outbox<null>(
      { capacity: 5, ttlMs: 1_000 },
      { clock, timers, send: () => false, nextId: () => `m${(n += 1)}` },
    );
    expect([box.enqueue('x', null).id, box.enqueue('y', null).id]).toEqual(['m101', 'm102']);
  });
});

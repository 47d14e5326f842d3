import * as v from 'valibot';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { emptyHistory, type CallHistory } from '../../../../utils/core/calls/history';
import { CallInbox, type CallEffects } from '../../../../utils/background/calls/inbox';
import type { IncomingCall } from '../../../../utils/core/calls/records';
import { REPLAY_WINDOW_MS } from '../../../../utils/core/calls/replays';
import type { Timers } from '../../../../utils/core/timers';
import { ViewRequestSchema } from '../../../../utils/core/messages/views-background';
import type { CallFrame } from '../../../../utils/core/protocol/messages';
import { parseFrame } from '../../../../utils/core/protocol/parse';
import type { UserId } from '../../../../utils/core/protocol/schemas';
import { defaultSettings } from '../../../../utils/core/settings/validate';

/**
 * What a server's `SendTime` may and may not do: it only helps recognise a replay. Ringing, missed
 * and display times follow the local clock, timers stay in range, ids always fit the messages.
 */

const NOW = Date.UTC(2026, 10, 25, 9, 0, 0);
const RING_MS = 60_000;
const settings = { ...defaultSettings().notifications, ringTimeoutSeconds: RING_MS / 1000 };

/** A raw legacy call frame from `sender`, parsed as the connection would. */
function wireCall(sendTime: unknown, sender = '7'): CallFrame {
  const text = JSON.stringify({
    Sender: sender,
    Receiver: '1',
    SendTime: sendTime,
    Message: { Event: 'Call', Data: { sender: '李四', type: '呼叫', receiver: '' } },
    Type: 'Event',
  });
  const result = parseFrame(text);
  if (!result.ok || result.message.kind !== 'call') throw new Error(`not a call: ${JSON.stringify(result)}`);
  return result.message.call;
}

/** .NET round-trip text of `epochMs` in UTC+8, as the legacy server writes it. */
function stamp(epochMs: number): string {
  return `${new Date(epochMs + 8 * 3_600_000).toISOString().slice(0, 19)}.0000000+08:00`;
}

function setup(history: CallHistory = emptyHistory) {
  let ids = 0;
  const armed: number[] = [];
  const saved: CallHistory[] = [];
  const timers: Timers = {
    setTimeout: (callback, ms) => {
      armed.push(ms);
      return setTimeout(callback, ms);
    },
    clearTimeout: (handle) => clearTimeout(handle),
  };
  const effects: CallEffects = {
    notify: () => undefined,
    closeNotification: () => undefined,
    ring: () => undefined,
    setBadge: () => undefined,
  };
  const inbox = new CallInbox(history, settings, {
    clock: { now: () => Date.now() },
    timers,
    newCallId: () => `call-${String(++ids)}`,
    save: (next) => {
      saved.push(next);
      return Promise.resolve();
    },
    effects,
    emit: () => undefined,
    activeHostTab: () => Promise.resolve(null),
    onSaveError: () => undefined,
  });
  const incoming = () => inbox.history.records.filter((record): record is IncomingCall => record.kind === 'incoming');
  return { inbox, armed, saved, incoming };
}

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(NOW);
});
afterEach(() => vi.useRealTimers());

describe('ringing and missed follow the local receive time', () => {
  test.each([
    ['a server clock two minutes slow', stamp(NOW - 120_000)],
    ['a server clock two minutes fast', stamp(NOW + 120_000)],
    ['a SendTime in year 9999', '9999-12-31T23:59:59.9999999+00:00'],
    ['a SendTime in year 1', '0001-01-01T00:00:00.0000000+00:00'],
    ['no SendTime', ''],
  ])('%s: rings on arrival, missed a full ring time later', async (_, sendTime) => {
    const { inbox, incoming } = setup();
    inbox.receive(wireCall(sendTime), () => undefined);
    await inbox.settled();
    expect(incoming()).toEqual([expect.objectContaining({ status: 'ringing', at: NOW })]);
    await vi.advanceTimersByTimeAsync(RING_MS - 1);
    expect(incoming()[0]?.status).toBe('ringing');
    await vi.advanceTimersByTimeAsync(1);
    expect(incoming()[0]?.status).toBe('missed');
  });
});

describe('timers stay within what setTimeout can hold', () => {
  test('a year-9999 SendTime arms one timer, not one every millisecond', async () => {
    const { inbox, armed } = setup();
    inbox.receive(wireCall('9999-12-31T23:59:59.9999999+00:00'), () => undefined);
    await inbox.settled();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(armed.length).toBeLessThanOrEqual(2);
    expect(Math.max(...armed)).toBeLessThanOrEqual(2 ** 31 - 1);
  });

  test.each([
    ['in year 9999', Date.UTC(9999, 0, 1)],
    ['a year from now', NOW + 365 * 86_400_000],
    ['one ms past the largest delay', NOW - RING_MS + 2 ** 31],
  ])('a saved ringing call dated %s: the expiry timer is clamped and does not spin', async (_, at) => {
    const ringing: IncomingCall = {
      kind: 'incoming',
      id: 'old',
      peerId: '7' as UserId,
      peerName: 'x',
      at,
      status: 'ringing',
      seen: false,
    };
    const { armed } = setup({ records: [ringing], unseen: 1, delivered: [] });
    await vi.advanceTimersByTimeAsync(1_000);
    expect(armed).toHaveLength(1);
    expect(armed[0]).toBe(2 ** 31 - 1);
  });
});

describe('call ids always fit the messages that answer them', () => {
  const longestSender = '8'.repeat(128);
  test.each([
    ['a 400-character SendTime', 'x'.repeat(400)],
    ['a 64-character SendTime', '2'.repeat(64)],
    ['a SendTime with control characters', '2026-11-25T09:00:00\u0000\u001b[2J'],
    ['a .NET SendTime', stamp(NOW)],
    ['no SendTime', ''],
  ])('%s from a 128-character sender: Dismiss and Call back accept the id', async (_, sendTime) => {
    const { inbox, incoming } = setup();
    inbox.receive(wireCall(sendTime, longestSender), () => undefined);
    await inbox.settled();
    const id = incoming()[0]?.id ?? '';
    expect(v.safeParse(ViewRequestSchema, { op: 'dismissCall', id }).success).toBe(true);
    expect(v.safeParse(ViewRequestSchema, { op: 'callBack', id }).success).toBe(true);
  });

  test.each([
    ['over 64 characters', 'x'.repeat(65), ''],
    ['control characters', 'a\u0000b', ''],
    ['64 characters', '2'.repeat(64), '2'.repeat(64)],
    ['an unusual but printable stamp', '2026/11/25 9:00:00', '2026/11/25 9:00:00'],
  ])('a SendTime with %s is %j to the codec', (_, sendTime, kept) => {
    expect(wireCall(sendTime).sendTimeText).toBe(kept);
  });
});

describe('a replay is the same sender and SendTime soon after the first arrival', () => {
  const CONSTANT = '2020-01-01T00:00:00.0000000+08:00';

  test.each([
    ['at once (the same frame twice)', 0, 1],
    ['after a reconnect, 30 s later', 30_000, 1],
    ['just inside the window', REPLAY_WINDOW_MS - 1, 1],
    ['at the end of the window: a new call from a server that stamps a constant', REPLAY_WINDOW_MS, 2],
    ['minutes later: a new call', 5 * 60_000, 2],
    ['an hour later: a new call', 3_600_000, 2],
  ])('%s', async (_, later, calls) => {
    const { inbox, incoming } = setup();
    inbox.receive(wireCall(CONSTANT), () => undefined);
    await inbox.settled();
    vi.setSystemTime(NOW + later);
    inbox.receive(wireCall(CONSTANT), () => undefined);
    await inbox.settled();
    expect(incoming()).toHaveLength(calls);
    expect(new Set(incoming().map((call) => call.id)).size).toBe(calls);
  });

  test.each([
    ['a replay after a worker restart is dropped', 20_000, 1],
    ['a new call after a worker restart is kept', 3 * 60_000, 2],
  ])('%s', async (_, later, calls) => {
    const first = setup();
    first.inbox.receive(wireCall(CONSTANT), () => undefined);
    await first.inbox.settled();
    vi.setSystemTime(NOW + later);
    const restarted = setup(first.saved.at(-1));
    restarted.inbox.receive(wireCall(CONSTANT), () => undefined);
    await restarted.inbox.settled();
    expect(restarted.incoming()).toHaveLength(calls);
  });

  test('a constant stamp from a busy caller: each new call after the window gets through, with its own id', async () => {
    const { inbox, incoming } = setup();
    for (let minute = 0; minute < 12; minute++) {
      vi.setSystemTime(NOW + minute * 60_000);
      inbox.receive(wireCall(CONSTANT), () => undefined);
      await inbox.settled();
    }
    // The window counts from the first arrival, so replays inside it cannot keep it open forever.
    expect(incoming().map((call) => (call.at - NOW) / 60_000)).toEqual([0, 2, 4, 6, 8, 10]);
  });

  test('different senders with the same SendTime are different calls', async () => {
    const { inbox, incoming } = setup();
    inbox.receive(wireCall(CONSTANT, '7'), () => undefined);
    inbox.receive(wireCall(CONSTANT, '8'), () => undefined);
    await inbox.settled();
    expect(incoming()).toHaveLength(2);
  });

  test('calls without a SendTime are never taken for replays', async () => {
    const { inbox, incoming } = setup();
    inbox.receive(wireCall(''), () => undefined);
    inbox.receive(wireCall(''), () => undefined);
    await inbox.settled();
    expect(incoming()).toHaveLength(2);
    expect(new Set(incoming().map((call) => call.id)).size).toBe(2);
  });
});

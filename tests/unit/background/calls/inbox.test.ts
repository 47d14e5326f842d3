import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { emptyHistory, type CallHistory } from '../../../../utils/core/calls/history';
import { CallInbox, type CallEffects } from '../../../../utils/background/calls/inbox';
import type { CallEvent } from '../../../../utils/core/messages/roster-state';
import { dotNetTimeAt, formatDotNetTime } from '../../../../utils/core/protocol/dotnet-time';
import type { CallFrame } from '../../../../utils/core/protocol/messages';
import type { UserId } from '../../../../utils/core/protocol/schemas';
import { defaultSettings } from '../../../../utils/core/settings/validate';

const START = Date.UTC(2026, 10, 25, 9, 0, 0);
const defaults = defaultSettings().notifications;

function frame(sender: string, offsetMs = 0, name = `User ${sender}`): CallFrame {
  const sendTime = dotNetTimeAt(START + offsetMs, 480);
  return {
    senderId: sender as UserId,
    receiverId: '1' as UserId,
    senderName: name,
    receiverName: 'Me',
    callType: '呼叫',
    sendTimeText: formatDotNetTime(sendTime),
    sendTime,
  };
}

function setup(
  options: { history?: CallHistory; settings?: Partial<typeof defaults>; activeTab?: number | null } = {},
) {
  const events: CallEvent[] = [];
  const saved: CallHistory[] = [];
  let ids = 0;
  const effects = {
    notify: vi.fn<CallEffects['notify']>(),
    closeNotification: vi.fn<CallEffects['closeNotification']>(),
    ring: vi.fn<CallEffects['ring']>(),
    setBadge: vi.fn<CallEffects['setBadge']>(),
  };
  const inbox = new CallInbox(
    options.history ?? emptyHistory,
    { ...defaults, ...options.settings },
    {
      clock: { now: () => Date.now() },
      timers: {
        setTimeout: (callback, ms) => setTimeout(callback, ms),
        clearTimeout: (handle) => clearTimeout(handle),
      },
      newCallId: () => `call-${String(++ids)}`,
      save: (history) => {
        saved.push(history);
        return Promise.resolve();
      },
      effects,
      emit: (event) => events.push(event),
      activeHostTab: () => Promise.resolve(options.activeTab === undefined ? 7 : options.activeTab),
      onSaveError: () => undefined,
    },
  );
  const of = <T extends CallEvent['type']>(type: T) =>
    events.filter((event): event is Extract<CallEvent, { type: T }> => event.type === type);
  return { inbox, events, saved, effects, of };
}

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(START + 1_000);
});
afterEach(() => vi.useRealTimers());

describe('exactly once', () => {
  test('a call is recorded, saved, then alerted: notification, ring event, badge', async () => {
    const { inbox, effects, of, saved } = setup();
    inbox.receive(frame('7', 0, '李四'), () => undefined);
    await inbox.settled();
    expect(saved).toHaveLength(1);
    expect(effects.notify).toHaveBeenCalledTimes(1);
    // Sent at START, received a second later: the call's time is when it arrived.
    expect(effects.notify.mock.calls[0]?.[0]).toMatchObject({
      peerId: '7',
      peerName: '李四',
      status: 'ringing',
      at: START + 1_000,
    });
    expect(of('ring')).toEqual([
      {
        type: 'ring',
        call: { id: expect.any(String), callerId: '7', callerName: '李四', at: START + 1_000 },
        toastTabId: 7,
        announce: true,
      },
    ]);
    expect(effects.setBadge).toHaveBeenLastCalledWith(1);
  });

  test.each([
    ['the same frame twice (a reconnect replaying it)', 0],
    ['a replay after a worker restart', 1],
  ])('%s is shown once', async (_, restart) => {
    const first = setup();
    first.inbox.receive(frame('7'), () => undefined);
    await first.inbox.settled();
    const again = restart ? setup({ history: first.saved.at(-1) }) : first;
    again.inbox.receive(frame('7'), () => undefined);
    await again.inbox.settled();
    expect(first.effects.notify.mock.calls.length + (restart ? again.effects.notify.mock.calls.length : 0)).toBe(1);
    expect(again.inbox.history.records).toHaveLength(1);
    expect(again.inbox.history.unseen).toBe(1);
  });

  test('two calls from the same caller at different times are two calls', async () => {
    const { inbox } = setup();
    inbox.receive(frame('7', 0), () => undefined);
    inbox.receive(frame('7', 30_000), () => undefined);
    await inbox.settled();
    expect(inbox.history.records).toHaveLength(2);
  });

  test('a name from the directory when the frame carries none', async () => {
    const { inbox } = setup();
    inbox.receive(frame('7', 0, ''), (id) => (id === '7' ? 'From directory' : undefined));
    await inbox.settled();
    expect(inbox.history.records[0]).toMatchObject({ peerName: 'From directory' });
  });
});

describe('flood protection', () => {
  test('500 calls in a second from one sender: one notification, one ring, exact badge, few saves', async () => {
    const { inbox, effects, of, saved } = setup({ settings: { sound: true } });
    for (let index = 0; index < 500; index++) inbox.receive(frame('66', index * 2), () => undefined);
    await inbox.settled();
    expect(effects.notify).toHaveBeenCalledTimes(1);
    expect(effects.ring).toHaveBeenCalledTimes(1);
    expect(effects.setBadge).toHaveBeenLastCalledWith(500);
    expect(inbox.history.unseen).toBe(500);
    expect(inbox.history.records).toHaveLength(200);
    expect(of('ring')).toHaveLength(500);
    expect(of('ring').filter((event) => event.announce)).toHaveLength(1);
    expect(saved.length).toBeLessThanOrEqual(3);
  });

  test('one notification per sender per 10 s', async () => {
    const { inbox, effects } = setup();
    inbox.receive(frame('7', 0), () => undefined);
    inbox.receive(frame('8', 0), () => undefined);
    await inbox.settled();
    vi.setSystemTime(START + 9_000);
    inbox.receive(frame('7', 8_000), () => undefined);
    await inbox.settled();
    expect(effects.notify).toHaveBeenCalledTimes(2);
    vi.setSystemTime(START + 12_000);
    inbox.receive(frame('7', 11_000), () => undefined);
    await inbox.settled();
    expect(effects.notify).toHaveBeenCalledTimes(3);
  });
});

describe('ringing, missed, answered', () => {
  test('unanswered for the ring timeout: missed', async () => {
    const { inbox } = setup({ settings: { ringTimeoutSeconds: 60 } });
    inbox.receive(frame('7'), () => undefined);
    await inbox.settled();
    await vi.advanceTimersByTimeAsync(58_000);
    expect(inbox.history.records[0]).toMatchObject({ status: 'ringing' });
    await vi.advanceTimersByTimeAsync(2_000);
    expect(inbox.history.records[0]).toMatchObject({ status: 'missed' });
  });

  test('dismissed in time: never missed; its notification and toasts close', async () => {
    const { inbox, effects, of } = setup();
    inbox.receive(frame('7'), () => undefined);
    await inbox.settled();
    const id = inbox.history.records[0]?.id ?? '';
    inbox.acknowledge(id, 'dismissed');
    await vi.advanceTimersByTimeAsync(120_000);
    expect(inbox.history.records[0]).toMatchObject({ status: 'dismissed' });
    expect(effects.closeNotification).toHaveBeenCalledWith(id);
    expect(of('callClosed')).toEqual([{ type: 'callClosed', id }]);
  });

  test('a restarted worker finds calls that lapsed while it was gone missed', () => {
    const ringing = {
      kind: 'incoming' as const,
      id: 'x',
      peerId: '7' as UserId,
      peerName: 'x',
      at: START - 120_000,
      status: 'ringing' as const,
      seen: false,
    };
    const { inbox } = setup({ history: { records: [ringing], unseen: 1, delivered: [] } });
    expect(inbox.history.records[0]).toMatchObject({ status: 'missed' });
  });

  test('Do Not Disturb: recorded as missed and counted; no notification, sound or toast; hosts still hear of it', async () => {
    const { inbox, effects, of } = setup({ settings: { doNotDisturb: true, sound: true } });
    inbox.receive(frame('7'), () => undefined);
    await inbox.settled();
    expect(inbox.history.records[0]).toMatchObject({ status: 'missed', seen: false });
    expect(effects.notify).not.toHaveBeenCalled();
    expect(effects.ring).not.toHaveBeenCalled();
    expect(effects.setBadge).toHaveBeenLastCalledWith(1);
    expect(of('ring')).toEqual([expect.objectContaining({ toastTabId: null, announce: true })]);
  });

  test('system notifications off: the toast and history remain', async () => {
    const { inbox, effects, of } = setup({ settings: { system: false } });
    inbox.receive(frame('7'), () => undefined);
    await inbox.settled();
    expect(effects.notify).not.toHaveBeenCalled();
    expect(of('ring')).toEqual([expect.objectContaining({ toastTabId: 7 })]);
  });
});

describe('history', () => {
  test('keeps the last N (setting), oldest dropped; delivered ids outlive the log', async () => {
    const { inbox } = setup({ settings: { historyLimit: 10 } });
    for (let index = 0; index < 25; index++) inbox.receive(frame(String(100 + index), index), () => undefined);
    await inbox.settled();
    expect(inbox.history.records.map((record) => record.peerId)).toEqual(
      Array.from({ length: 10 }, (_, index) => String(115 + index)),
    );
    inbox.receive(frame('100', 0), () => undefined);
    expect(inbox.history.records).toHaveLength(10);
    expect(inbox.history.unseen).toBe(25);
  });

  test('opening the popup marks everything seen and clears the badge', async () => {
    const { inbox, effects } = setup();
    inbox.receive(frame('7'), () => undefined);
    inbox.receive(frame('8'), () => undefined);
    await inbox.settled();
    inbox.markAllSeen();
    expect(inbox.history.unseen).toBe(0);
    expect(inbox.history.records.every((record) => record.kind === 'incoming' && record.seen)).toBe(true);
    expect(effects.setBadge).toHaveBeenLastCalledWith(0);
  });

  test('outgoing calls are logged and updated in place', () => {
    const { inbox } = setup();
    const call = { kind: 'outgoing' as const, id: '1', peerId: '9' as UserId, at: START, status: 'queued' as const };
    inbox.recordOutgoing(call);
    inbox.recordOutgoing({ ...call, status: 'sent', settledAt: START + 5 });
    expect(inbox.history.records).toEqual([{ ...call, status: 'sent', settledAt: START + 5 }]);
  });
});

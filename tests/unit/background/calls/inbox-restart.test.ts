import { describe, expect, test } from 'vitest';
import type { CallHistory } from '../../../../utils/core/calls/history';
import { CallInbox } from '../../../../utils/background/calls/inbox';
import type { CallEvent } from '../../../../utils/core/messages/roster-state';
import type { CallRecord, OutgoingCall } from '../../../../utils/core/calls/records';
import type { UserId } from '../../../../utils/core/protocol/schemas';
import { defaultSettings } from '../../../../utils/core/settings/validate';

/** A worker starting from a saved call log: what the old worker left behind. */

const NOW = Date.UTC(2026, 10, 25, 9, 0, 0);
const peer = '2' as UserId;
const out = (id: string, status: OutgoingCall['status'], extra: Partial<OutgoingCall> = {}): OutgoingCall => ({
  kind: 'outgoing',
  id,
  peerId: peer,
  at: NOW - 30_000,
  status,
  ...extra,
});

function restore(records: CallRecord[]) {
  const events: CallEvent[] = [];
  const saved: CallHistory[] = [];
  const inbox = new CallInbox({ records, unseen: 0, delivered: [] }, defaultSettings().notifications, {
    clock: { now: () => NOW },
    timers: { setTimeout: () => setTimeout(() => undefined, 0), clearTimeout: (handle) => clearTimeout(handle) },
    newCallId: () => 'new',
    save: (history) => {
      saved.push(history);
      return Promise.resolve();
    },
    effects: {
      notify: () => undefined,
      closeNotification: () => undefined,
      ring: () => undefined,
      setBadge: () => undefined,
    },
    emit: (event) => events.push(event),
    activeHostTab: () => Promise.resolve(null),
    onSaveError: () => undefined,
  });
  return { inbox, events, saved };
}

describe('a call still queued when the worker stopped', () => {
  test.each<[string, OutgoingCall, OutgoingCall]>([
    [
      'queued: failed, because its queue died with the worker',
      out('a', 'queued'),
      out('a', 'failed', { error: 'restarted', settledAt: NOW }),
    ],
    ['sent: left alone', out('b', 'sent', { settledAt: NOW - 29_000 }), out('b', 'sent', { settledAt: NOW - 29_000 })],
    [
      'failed: keeps its own reason',
      out('c', 'failed', { error: 'expired', settledAt: NOW - 1_000 }),
      out('c', 'failed', { error: 'expired', settledAt: NOW - 1_000 }),
    ],
  ])('%s', async (_, saved, restored) => {
    const { inbox } = restore([saved]);
    await inbox.settled();
    expect(inbox.history.records).toEqual([restored]);
  });

  test('the failure is told to the views and saved, so the popup may call that person again', async () => {
    const { inbox, events, saved } = restore([out('a', 'queued'), out('b', 'sent', { settledAt: NOW })]);
    await inbox.settled();
    const failed = out('a', 'failed', { error: 'restarted', settledAt: NOW });
    expect(events).toContainEqual({ type: 'callRecord', record: failed });
    expect(saved.at(-1)?.records).toContainEqual(failed);
  });

  test('nothing queued: nothing to save', async () => {
    const { inbox, saved } = restore([out('b', 'sent', { settledAt: NOW })]);
    await inbox.settled();
    expect(saved).toEqual([]);
  });
});

import { expect, test } from 'vitest';
import { recordWords, rowStatusWords } from '../../../../utils/pages/popup/call-text';
import { rowCallStatus, SHOW_FAILED_MS, SHOW_SENT_MS, type Refused } from '../../../../utils/pages/popup/row-status';
import type { OutgoingCall } from '../../../../utils/core/calls/records';
import { incoming, outgoing } from '../../components/popup/helpers/state';

const now = 10_000_000;

test.each<[string, boolean, Refused | undefined, OutgoingCall | undefined, object | undefined]>([
  ['nothing to say', false, undefined, undefined, undefined],
  [
    'sending while the background has not answered',
    true,
    undefined,
    outgoing('o1', '2', 'sent', now - 1_000),
    { kind: 'sending' },
  ],
  ['queued while reconnecting', false, undefined, outgoing('o1', '2', 'queued', now - 1_000), { kind: 'queued' }],
  ['sent, with when', false, undefined, outgoing('o1', '2', 'sent', now - 1_000), { kind: 'sent', at: now - 1_000 }],
  ['a sent call fades after a while', false, undefined, outgoing('o1', '2', 'sent', now - SHOW_SENT_MS), undefined],
  [
    'failed, with why',
    false,
    undefined,
    outgoing('o1', '2', 'failed', now - 1_000, 'expired'),
    { kind: 'failed', error: 'expired' },
  ],
  [
    'failed for no stated reason',
    false,
    undefined,
    outgoing('o1', '2', 'failed', now - 1_000),
    { kind: 'failed', error: 'unknown' },
  ],
  [
    'a failure fades later than a success',
    false,
    undefined,
    outgoing('o1', '2', 'failed', now - SHOW_FAILED_MS, 'queue-full'),
    undefined,
  ],
  [
    'refused, newer than the last call',
    false,
    { refusal: 'callee-offline', at: now - 10 },
    outgoing('o1', '2', 'sent', now - 1_000),
    { kind: 'refused', refusal: 'callee-offline' },
  ],
  [
    'a newer call wins over an old refusal',
    false,
    { refusal: 'callee-offline', at: now - 5_000 },
    outgoing('o1', '2', 'sent', now - 1_000),
    { kind: 'sent', at: now - 1_000 },
  ],
])('%s', (_, pending, refused, latest, expected) => {
  expect(rowCallStatus(pending, refused, latest, now)).toEqual(expected);
});

const clock = (at: number) => `@${at}`;

test.each<[Parameters<typeof rowStatusWords>[0], string, string[], string]>([
  [{ kind: 'sending' }, 'popupCallSending', [], 'busy'],
  [{ kind: 'queued' }, 'popupCallWaiting', [], 'busy'],
  [{ kind: 'sent', at: 5 }, 'popupCallSentAt', ['@5'], 'ok'],
  [{ kind: 'failed', error: 'expired' }, 'popupCallExpired', [], 'problem'],
  [{ kind: 'failed', error: 'queue-full' }, 'popupCallQueueFull', [], 'problem'],
  [{ kind: 'failed', error: 'stopped' }, 'popupCallStopped', [], 'problem'],
  [{ kind: 'failed', error: 'restarted' }, 'popupCallRestarted', [], 'problem'],
  [{ kind: 'failed', error: 'unknown' }, 'callFailed', [], 'problem'],
  [{ kind: 'refused', refusal: 'callee-offline' }, 'refusalCalleeOffline', ['李四'], 'problem'],
  [{ kind: 'refused', refusal: 'not-signed-in' }, 'refusalNotSignedIn', ['李四'], 'problem'],
  [{ kind: 'refused', refusal: 'no-answer' }, 'popupRefusalNoAnswer', ['李四'], 'problem'],
])('a row says %j as %s', (status, key, substitutions, tone) => {
  expect(rowStatusWords(status, '李四', clock)).toEqual({ key, substitutions, tone });
});

test.each([
  [incoming('i', '2', 'ringing', 0), 'popupCallRinging', 'busy'],
  [incoming('i', '2', 'answered', 0), 'popupCallAnswered', 'muted'],
  [incoming('i', '2', 'dismissed', 0), 'popupCallDismissed', 'muted'],
  [incoming('i', '2', 'missed', 0), 'popupCallMissed', 'problem'],
  [outgoing('o', '2', 'queued', 0), 'callQueued', 'busy'],
  [outgoing('o', '2', 'sent', 0), 'callSent', 'muted'],
  [outgoing('o', '2', 'failed', 0, 'stopped'), 'popupCallStopped', 'problem'],
  [outgoing('o', '2', 'failed', 0, 'restarted'), 'popupCallRestarted', 'problem'],
])('the log says %j as %s', (record, key, tone) => {
  expect(recordWords(record)).toMatchObject({ key, tone });
});

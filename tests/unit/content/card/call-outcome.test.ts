import { expect, test } from 'vitest';
import { callOutcome } from '../../../../utils/content/card/call-outcome';
import type { UserId } from '../../../../utils/core/protocol/schemas';
import type { SendCallResult } from '../../../../utils/core/messages/roster-state';

const call = (status: 'queued' | 'sent' | 'failed'): SendCallResult => ({
  ok: true,
  call: { kind: 'outgoing', id: '1', peerId: '2' as UserId, at: 0, status },
});

test.each<[string, SendCallResult | undefined, object]>([
  ['rung', call('sent'), { key: 'cardCallSent', tone: 'ok' }],
  ['queued while reconnecting', call('queued'), { key: 'cardCallQueued', tone: 'wait' }],
  ['failed', call('failed'), { key: 'cardCallFailed', tone: 'error' }],
  ['refused: went offline', { ok: false, refusal: 'callee-offline' }, { key: 'cardCallOffline', tone: 'error' }],
  ['refused: signed out', { ok: false, refusal: 'not-signed-in' }, { key: 'cardCallSignIn', tone: 'error' }],
  ['refused: myself', { ok: false, refusal: 'self' }, { key: 'cardCallSelf', tone: 'error' }],
  ['the background did not answer', undefined, { key: 'cardCallUnreachable', tone: 'error' }],
])('%s', (_, result, expected) => {
  expect(callOutcome(result)).toEqual(expected);
});

import { expect, test } from 'vitest';
import { latestOutgoing, mayCall, REPEAT_GUARD_MS } from '../../../../utils/pages/popup/call-guard';
import { id, incoming, outgoing } from '../../components/popup/helpers/state';

const now = 100_000;
const peer = id('2');

test.each([
  ['a first call', [], new Map(), [], true],
  ['not while the last request is unanswered', ['2'], new Map(), [], false],
  ['not a double-click: the same person again at once', [], new Map([[peer, now - 300]]), [], false],
  ['again once the guard time has passed', [], new Map([[peer, now - REPEAT_GUARD_MS]]), [], true],
  ['not while a call to them waits in the queue', [], new Map(), [outgoing('o1', '2', 'queued', now - 30_000)], false],
  ['again after a sent call', [], new Map(), [outgoing('o1', '2', 'sent', now - 30_000)], true],
  [
    'again after a failed call',
    [],
    new Map(),
    [outgoing('o1', '2', 'queued', now - 90_000), outgoing('o1', '2', 'failed', now - 90_000, 'expired')],
    true,
  ],
  [
    'again after a call the worker restart failed',
    [],
    new Map(),
    [outgoing('o1', '2', 'failed', now - 90_000, 'restarted')],
    true,
  ],
  [
    'someone else’s pending call does not block',
    ['3'],
    new Map([[id('3'), now]]),
    [outgoing('o1', '3', 'queued', now)],
    true,
  ],
])('%s', (_, pending, placedAt, records, expected) => {
  expect(mayCall(peer, { pending: new Set(pending.map(id)), placedAt, latest: latestOutgoing(records), now })).toBe(
    expected,
  );
});

test('the latest outgoing call per person, incoming calls aside', () => {
  const latest = latestOutgoing([
    outgoing('o1', '2', 'sent', 10),
    incoming('i1', '2', 'missed', 20),
    outgoing('o2', '3', 'failed', 30, 'stopped'),
    outgoing('o3', '2', 'queued', 40),
  ]);
  expect([...latest].map(([peerId, call]) => [peerId, call.id])).toEqual([
    ['2', 'o3'],
    ['3', 'o2'],
  ]);
});

import { describe, expect, test } from 'vitest';
import { emptyHistory } from '../../../../utils/core/calls/history';
import { readStoredHistory } from '../../../../utils/core/calls/stored-history';

const incoming = { kind: 'incoming', id: 'a', peerId: '2', peerName: '李四', at: 1_000, status: 'missed', seen: false };
const outgoing = {
  kind: 'outgoing',
  id: 'b',
  peerId: '3',
  at: 2_000,
  status: 'failed',
  error: 'restarted',
  settledAt: 2_500,
};
const whole = { records: [incoming, outgoing], unseen: 1, delivered: [{ key: '2\nt', at: 1_000 }] };

describe('readStoredHistory', () => {
  test.each([
    ['a whole log', whole],
    ['the empty log', emptyHistory],
  ])('%s is read as it is, without a problem', (_, stored) => {
    expect(readStoredHistory(stored)).toEqual({ history: stored });
  });

  // The unseen count is kept when it is one, else recounted from the records kept (the badge stays true).
  test.each<[string, unknown, number, number, RegExp]>([
    ['a string', 'garbage', 0, 0, /not a call log/],
    ['a number', 42, 0, 0, /not a call log/],
    ['null', null, 0, 0, /not a call log/],
    ['a list', [incoming], 0, 0, /not a call log/],
    ['records that are not a list', { ...whole, records: 'x' }, 0, 1, /no list of records/],
    [
      'one record damaged',
      { ...whole, records: [incoming, { ...outgoing, at: 'soon' }] },
      1,
      1,
      /1 of 2 records unreadable/,
    ],
    [
      'a record of no known kind',
      { ...whole, records: [{ ...incoming, kind: 'fax' }, outgoing] },
      1,
      1,
      /1 of 2 records unreadable/,
    ],
    [
      'a record with an object for a peer id',
      { ...whole, records: [{ ...incoming, peerId: { toString: 1 } }, outgoing] },
      1,
      1,
      /1 of 2 records unreadable/,
    ],
    ['an unseen count that is not a count', { ...whole, unseen: -3 }, 2, 1, /no unseen count/],
  ])('%s: the whole records are kept, with the reason', (_, stored, records, unseen, problem) => {
    const { history, problem: said } = readStoredHistory(stored);
    expect(history.records).toHaveLength(records);
    expect(history.unseen).toBe(unseen);
    expect(said).toMatch(problem);
  });

  test('what a call was about is kept; a record whose context is not one is dropped', () => {
    const context = { url: 'https://admin.example.com/o/1', title: 'Order 1', note: 'refund' };
    const about = { ...incoming, id: 'c', context };
    expect(
      readStoredHistory({ ...whole, records: [about, { ...outgoing, context: { title: 'T' } }] }).history.records,
    ).toEqual([about, { ...outgoing, context: { title: 'T' } }]);
    for (const damaged of [{ url: 'javascript:alert(1)' }, { title: 7 }, { note: 'x'.repeat(1_000) }, 'text']) {
      const read = readStoredHistory({ ...whole, records: [incoming, { ...incoming, id: 'd', context: damaged }] });
      expect(read.history.records).toEqual([incoming]);
      expect(read.problem).toMatch(/1 of 2 records unreadable/);
    }
  });

  test("an older version's replay keys (plain strings) are dropped quietly: they match nothing", () => {
    expect(readStoredHistory({ ...whole, delivered: ['2\nt'] })).toEqual({ history: { ...whole, delivered: [] } });
  });
});

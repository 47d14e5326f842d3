import { describe, expect, test } from 'vitest';
import {
  callLog,
  openingTab,
  owedCalls,
  recordName,
  ringingCalls,
  unseenIds,
} from '../../../../utils/pages/popup/call-log';
import type { CallRecord } from '../../../../utils/core/calls/records';
import { incoming, names, outgoing } from '../../components/popup/helpers/state';

describe('missed calls still owed', () => {
  test.each<[string, CallRecord[], string[]]>([
    ['a missed call is owed', [incoming('i1', '2', 'missed', 10)], ['i1']],
    ['calling them since pays it', [incoming('i1', '2', 'missed', 10), outgoing('o1', '2', 'sent', 20)], []],
    [
      'even a call still queued or failed counts: I tried',
      [incoming('i1', '2', 'missed', 10), outgoing('o1', '2', 'failed', 20, 'expired')],
      [],
    ],
    [
      'a call before the missed one does not',
      [outgoing('o1', '2', 'sent', 5), incoming('i1', '2', 'missed', 10)],
      ['i1'],
    ],
    ['calling someone else does not', [incoming('i1', '2', 'missed', 10), outgoing('o1', '3', 'sent', 20)], ['i1']],
    [
      'answered and dismissed calls are not owed',
      [incoming('i1', '2', 'answered', 10), incoming('i2', '3', 'dismissed', 10)],
      [],
    ],
    [
      'each missed call counts',
      [incoming('i1', '2', 'missed', 10), incoming('i2', '2', 'missed', 11), incoming('i3', '3', 'missed', 12)],
      ['i1', 'i2', 'i3'],
    ],
  ])('%s', (_, records, owed) => {
    expect([...owedCalls(records)].map((call) => call.id)).toEqual(owed);
  });
});

test('the log is newest first, named, with new and owed calls marked', () => {
  const records = [
    incoming('i1', '2', 'missed', 10, false),
    outgoing('o1', '77', 'sent', 20),
    incoming('i2', '13', 'answered', 30, false),
  ];
  expect(callLog(records, names, new Set(['i1']))).toEqual([
    { record: records[2], name: '<img src=x onerror=alert(1)>', isNew: false, owed: false },
    { record: records[1], name: '77', isNew: false, owed: false },
    { record: records[0], name: '李四', isNew: true, owed: true },
  ]);
});

test.each<[string, CallRecord, string]>([
  ['the name the call gave', { ...incoming('i', '2', 'missed', 0), peerName: 'Li Si (mobile)' }, 'Li Si (mobile)'],
  ['else the directory’s', { ...incoming('i', '2', 'missed', 0), peerName: ' ' }, '李四'],
  ['else the id', outgoing('o', '404', 'sent', 0), '404'],
])('a call is named by %s', (_, record, name) => {
  expect(recordName(record, names)).toBe(name);
});

test('ringing calls, newest first', () => {
  const records = [
    incoming('i1', '2', 'ringing', 10),
    incoming('i2', '3', 'missed', 20),
    incoming('i3', '4', 'ringing', 30),
  ];
  expect(ringingCalls(records).map((call) => call.id)).toEqual(['i3', 'i1']);
});

test('unseen incoming calls', () => {
  expect(
    unseenIds([
      incoming('i1', '2', 'missed', 10, false),
      incoming('i2', '2', 'missed', 10, true),
      outgoing('o1', '2', 'sent', 20),
    ]),
  ).toEqual(['i1']);
});

test.each<[string, CallRecord[], 'people' | 'calls']>([
  ['nothing new: the people', [incoming('i1', '2', 'missed', 10, true)], 'people'],
  ['a missed call not seen yet: the calls', [incoming('i1', '2', 'missed', 10, false)], 'calls'],
  ['a call still ringing is shown above either tab: the people', [incoming('i1', '2', 'ringing', 10, false)], 'people'],
])('the popup opens on %s', (_, records, tab) => {
  expect(openingTab(records)).toBe(tab);
});

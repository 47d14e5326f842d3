import { describe, expect, test } from 'vitest';
import {
  ECHO_WINDOW_MS,
  ServerEvidence,
  type Ambiguity,
  type Classified,
} from '../../../../utils/core/identity/server-evidence';
import type { UserId } from '../../../../utils/core/protocol/schemas';

const id = (value: string) => value as UserId;

/** One thing the server (or this browser) does, or a check of what the evidence says by then. */
type Step =
  | { readonly list: readonly string[]; readonly complete?: boolean }
  | { readonly sent: string; readonly at: number }
  | {
      readonly call: readonly [sender: string, receiver: string];
      readonly me?: string;
      readonly at?: number;
      readonly is: Classified;
    }
  | { readonly reset: true }
  | { readonly learned: string | undefined; readonly ambiguity?: Ambiguity };

const run = (steps: readonly Step[]) => {
  const evidence = new ServerEvidence();
  steps.forEach((step, index) => {
    const where = `step ${index}: ${JSON.stringify(step)}`;
    if ('list' in step) evidence.onlineList(new Set(step.list.map(id)), step.complete ?? true);
    else if ('sent' in step) evidence.sent(id(step.sent), step.at);
    else if ('reset' in step) evidence.reset();
    else if ('call' in step) {
      const [sender, receiver] = step.call;
      const result = evidence.classify(
        { senderId: id(sender), receiverId: id(receiver) },
        step.me === undefined ? undefined : id(step.me),
        step.at ?? 0,
      );
      expect(result, where).toStrictEqual(step.is);
    } else {
      expect(evidence.learned(), where).toBe(step.learned);
      if (step.ambiguity) expect(evidence.ambiguity(), where).toEqual(step.ambiguity);
    }
  });
  return evidence;
};

const incoming: Classified = { kind: 'incoming' };
const echo: Classified = { kind: 'echo' };
const mismatch: Classified = { kind: 'incoming', mismatch: true };

describe('the online lists', () => {
  test.each<[string, Step[]]>([
    ['nothing yet', [{ learned: undefined, ambiguity: { why: 'no-list' } }]],
    ['a list with only me', [{ list: ['1'] }, { learned: '1' }]],
    [
      'colleagues come and go until only I was there all along',
      [
        { list: ['1', '2', '3'] },
        { learned: undefined, ambiguity: { why: 'several', count: 3 } },
        { list: ['3', '1', '4'] },
        { learned: undefined, ambiguity: { why: 'several', count: 2 } },
        { list: ['4', '1', '3', '5'] },
        { learned: undefined, ambiguity: { why: 'several', count: 2 } },
        { list: ['1', '4'] },
        { learned: '1' },
        // Once settled, newcomers change nothing.
        { list: ['1', '2', '3', '4'] },
        { learned: '1' },
      ],
    ],
    [
      'duplicates in a list count once',
      [{ list: ['1', '1', '2', '2'] }, { learned: undefined, ambiguity: { why: 'several', count: 2 } }],
    ],
    [
      'an incomplete list is ignored (the unreadable entry may have been me)',
      [
        { list: ['1', '2'] },
        { list: ['2'], complete: false },
        { learned: undefined, ambiguity: { why: 'several', count: 2 } },
        { list: ['1'] },
        { learned: '1' },
      ],
    ],
    [
      'an incomplete first list is no list',
      [
        { list: ['1'], complete: false },
        { learned: undefined, ambiguity: { why: 'no-list' } },
      ],
    ],
    [
      'lists with nobody in common do not include me, and teach nothing after',
      [
        { list: ['1', '2'] },
        { list: ['3'] },
        { learned: undefined, ambiguity: { why: 'lists-omit-me' } },
        { list: ['3'] },
        { learned: undefined, ambiguity: { why: 'lists-omit-me' } },
      ],
    ],
    ['an empty list does not include me', [{ list: [] }, { learned: undefined, ambiguity: { why: 'lists-omit-me' } }]],
    [
      'ids that look like prototype members are ids',
      [{ list: ['__proto__', 'constructor'] }, { list: ['constructor', 'toString'] }, { learned: 'constructor' }],
    ],
  ])('%s', (_, steps) => {
    run(steps);
  });

  test.each<[string, Step[], Record<string, boolean>]>([
    ['before any list anyone may be me', [], { 1: true, 9: true }],
    [
      'after lists only those in all of them',
      [{ list: ['1', '2'] }, { list: ['1', '2', '3'] }],
      { 1: true, 2: true, 3: false, 9: false },
    ],
    ['incomplete lists do not rule anyone out', [{ list: ['1'], complete: false }], { 1: true, 9: true }],
    ['when the lists omit me they rule nobody out', [{ list: ['1'] }, { list: ['2'] }], { 1: true, 2: true, 9: true }],
  ])('possible(): %s', (_, steps, expected) => {
    const evidence = run(steps);
    for (const [candidate, possible] of Object.entries(expected))
      expect(evidence.possible(id(candidate)), candidate).toBe(possible);
  });
});

describe('calls while I do not know who I am', () => {
  test.each<[string, Step[]]>([
    ['a call on our socket is for me', [{ call: ['5', '1'], is: incoming }, { learned: '1' }]],
    [
      'a call for one of the ids online all along is for me',
      [{ list: ['1', '2'] }, { call: ['9', '1'], is: incoming }, { learned: '1' }],
    ],
    [
      'the receiver was not online all along but the sender was: my own call, copied to me',
      [{ list: ['1', '2'] }, { call: ['1', '9'], is: echo }, { learned: '1' }],
    ],
    [
      'a receiver the lists rule out is not learned, though the call is still shown',
      [
        { list: ['1', '2'] },
        { call: ['8', '9'], is: incoming },
        { learned: undefined, ambiguity: { why: 'several', count: 2 } },
      ],
    ],
    [
      'when the lists omit me, calls still teach',
      [{ list: ['1'] }, { list: ['2'] }, { call: ['1', '9'], is: incoming }, { learned: '9' }],
    ],
    ['a call to oneself is shown, and says who I am', [{ call: ['3', '3'], is: incoming }, { learned: '3' }]],
    [
      'sender and receiver both online all along: shown (nothing is lost) but teaches nothing, it may be my own call copied to me',
      [
        { list: ['1', '2'] },
        { call: ['2', '1'], is: incoming },
        { learned: undefined, ambiguity: { why: 'several', count: 2 } },
      ],
    ],
    [
      '… and the same copy the other way round teaches nothing either',
      [{ list: ['1', '2'] }, { call: ['1', '2'], is: incoming }, { learned: undefined }],
    ],
    [
      'an echo of a call this browser sent',
      [{ sent: '9', at: 1_000 }, { call: ['1', '9'], at: 2_000, is: echo }, { learned: '1' }],
    ],
    [
      'an echo is recognised on the last millisecond of the window',
      [{ sent: '9', at: 1_000 }, { call: ['1', '9'], at: 1_000 + ECHO_WINDOW_MS, is: echo }, { learned: '1' }],
    ],
    [
      'after the window it is a call for me',
      [{ sent: '9', at: 1_000 }, { call: ['1', '9'], at: 1_001 + ECHO_WINDOW_MS, is: incoming }, { learned: '9' }],
    ],
    [
      'each send excuses one echo',
      [
        { sent: '9', at: 0 },
        { call: ['1', '9'], at: 10, is: echo },
        { call: ['5', '9'], at: 20, is: incoming },
      ],
    ],
    [
      'two sends to the same person excuse two echoes',
      [
        { sent: '9', at: 0 },
        { sent: '9', at: 5 },
        { call: ['1', '9'], at: 10, is: echo },
        { call: ['1', '9'], at: 20, is: echo },
        { learned: '1' },
      ],
    ],
    [
      'a reply from the person I just called is for me',
      [
        { sent: '9', at: 0 },
        { call: ['9', '1'], at: 10, is: incoming },
        { learned: '1' },
        { call: ['1', '9'], at: 20, is: echo },
        { learned: '1' },
      ],
    ],
    [
      'an echo naming a sender the lists rule out is still an echo, and teaches nothing',
      [{ list: ['1', '2'] }, { sent: '9', at: 0 }, { call: ['5', '9'], at: 10, is: echo }, { learned: undefined }],
    ],
    [
      'a call learned from is forgotten when the lists rule it out',
      [
        { call: ['5', '1'], is: incoming },
        { learned: '1' },
        { list: ['2', '3'] },
        { learned: undefined, ambiguity: { why: 'several', count: 2 } },
      ],
    ],
    [
      'a call learned from stays while the lists allow it, and wins over them',
      [{ call: ['5', '1'], is: incoming }, { list: ['1', '2'] }, { learned: '1' }],
    ],
    [
      'two calls naming different people as me: calls teach nothing more, the lists still can',
      [
        { call: ['5', '1'], is: incoming },
        { learned: '1' },
        { call: ['6', '2'], is: incoming },
        { learned: undefined },
        // Not re-learned, even from the first id or from an echo.
        { call: ['7', '1'], is: incoming },
        { learned: undefined },
        { sent: '9', at: 0 },
        { call: ['1', '9'], at: 10, is: echo },
        { learned: undefined },
        { list: ['1', '3'] },
        { learned: undefined, ambiguity: { why: 'several', count: 2 } },
        { list: ['1'] },
        { learned: '1' },
      ],
    ],
    [
      'a conflict is forgotten with the token',
      [
        { call: ['5', '1'], is: incoming },
        { call: ['6', '2'], is: incoming },
        { reset: true },
        { call: ['5', '3'], is: incoming },
        { learned: '3' },
      ],
    ],
  ])('%s', (_, steps) => {
    run(steps);
  });
});

describe('calls while I know who I am', () => {
  test.each<[string, Step[]]>([
    ['for me', [{ call: ['5', '1'], me: '1', is: incoming }]],
    ['my own call, copied to me', [{ call: ['1', '5'], me: '1', is: echo }]],
    ['to myself', [{ call: ['1', '1'], me: '1', is: incoming }]],
    ['for someone else: shown, and worth saying', [{ call: ['5', '6'], me: '1', is: mismatch }]],
    [
      'for someone I called, after the echo window',
      [
        { sent: '6', at: 0 },
        { call: ['5', '6'], me: '1', at: ECHO_WINDOW_MS + 1, is: mismatch },
      ],
    ],
    [
      'an echo of a call this browser sent',
      [
        { sent: '5', at: 0 },
        { call: ['1', '5'], me: '1', at: 10, is: echo },
      ],
    ],
    [
      'a call I sent names the real me when the believed one is wrong',
      [{ sent: '5', at: 0 }, { call: ['2', '5'], me: '1', at: 10, is: echo }, { learned: '2' }],
    ],
    [
      'a call to me is never taken for the echo of a call I sent myself',
      [
        { sent: '1', at: 0 },
        { call: ['5', '1'], me: '1', at: 10, is: incoming },
      ],
    ],
    [
      'what is believed is not taught by calls',
      [
        { call: ['5', '1'], me: '1', is: incoming },
        { learned: undefined, ambiguity: { why: 'no-list' } },
      ],
    ],
  ])('%s', (_, steps) => {
    run(steps);
  });
});

test('reset() forgets the lists, the calls and the sends', () => {
  const evidence = run([{ list: ['1', '2'] }, { list: ['1'] }, { sent: '9', at: 0 }, { learned: '1' }]);
  evidence.reset();
  expect(evidence.learned()).toBeUndefined();
  expect(evidence.ambiguity()).toEqual({ why: 'no-list' });
  expect(evidence.possible(id('2'))).toBe(true);
  // The send before the reset excuses nothing after it.
  expect(evidence.classify({ senderId: id('1'), receiverId: id('9') }, undefined, 10)).toEqual(incoming);
  expect(evidence.learned()).toBe('9');
});

test('reset() after the lists omitted me listens to lists again', () => {
  const evidence = run([{ list: ['1'] }, { list: ['2'] }, { learned: undefined, ambiguity: { why: 'lists-omit-me' } }]);
  evidence.reset();
  evidence.onlineList(new Set([id('3')]), true);
  expect(evidence.learned()).toBe('3');
});

test('the online sets it is given (the presence store’s own) are read, never changed', () => {
  const evidence = new ServerEvidence();
  const lists = [['1', '2', '3'], ['1', '2'], ['2']].map((list) => new Set(list.map(id)));
  for (const list of lists) evidence.onlineList(list, true);
  expect(lists.map((list) => [...list])).toEqual([['1', '2', '3'], ['1', '2'], ['2']]);
  expect(evidence.learned()).toBe('2');
});

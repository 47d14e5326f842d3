import { describe, expect, test } from 'vitest';
import { statusText } from '../../../../utils/pages/status-text';
import type { ConnectionStatus, ListProblem } from '../../../../utils/core/messages/connection-status';
import { utf8ByteLength } from '../../../../utils/core/protocol/byte-length';
import { parseFrame } from '../../../../utils/core/protocol/parse';
import { listProblemOf, withListProblem } from '../../../../utils/background/service/list-problem';
import { msUntilStale } from '../../../../utils/content/marks/presence-view';

const LIMIT = 1024;
const options = { maxBytes: LIMIT, heartbeatPayload: 'heart check' };
const connected: ConnectionStatus = { phase: 'connected', since: 0, attempt: 0 };
const tooLarge: ListProblem = { reason: 'too-large', bytes: 2_000_000, limitBytes: 64 * 1024, at: 5 };

/** What a frame the parser refused means for the online list. */
function problemOf(frame: string): ListProblem | undefined {
  const result = parseFrame(frame, options);
  if (result.ok) throw new Error('the frame was taken');
  return listProblemOf(frame, result.error, LIMIT, 7);
}

describe('which dropped frames cost us the online list', () => {
  const bigList = `{"Type":"Chat","Message":[${'"章三",'.repeat(200)}"1"]}`;
  const bigCall = `{"Type":"Event",${' '.repeat(LIMIT)}}`;
  test.each<[string, string, ListProblem | undefined]>([
    [
      'an online list over the limit (its UTF-8 size)',
      bigList,
      { reason: 'too-large', bytes: utf8ByteLength(bigList), limitBytes: LIMIT, at: 7 },
    ],
    [
      'any frame over the limit: only lists grow that big',
      bigCall,
      { reason: 'too-large', bytes: bigCall.length, limitBytes: LIMIT, at: 7 },
    ],
    ['an online list that is not a list', '{"Type":"Chat","Message":"everyone"}', { reason: 'invalid', at: 7 }],
    ['a broken call: the list is untouched', '{"Type":"Event","Sender":"2"}', undefined],
    ['not JSON', '{"Type":', undefined],
    ['no Type', '{"Message":[]}', undefined],
  ])('%s', (_, frame, expected) => {
    expect(problemOf(frame)).toEqual(expected);
  });

  test.each([
    ['', 0],
    ['abc', 3],
    ['章三', 6],
    ['é', 2],
    ['😀', 4],
    ['\ud800', 3],
  ])('%j is %i bytes of UTF-8', (text, bytes) => {
    expect(utf8ByteLength(text)).toBe(bytes);
    if (!/[\ud800-\udfff]/.test(text) || text.length === 2)
      expect(bytes).toBe(new TextEncoder().encode(text).byteLength);
  });
});

describe('the problem rides on the connection status', () => {
  test('set, replaced and cleared without touching the rest', () => {
    const withProblem = withListProblem(connected, tooLarge);
    expect(withProblem).toEqual({ ...connected, listProblem: tooLarge });
    expect(withListProblem(withProblem, { reason: 'invalid', at: 9 })).toEqual({
      ...connected,
      listProblem: { reason: 'invalid', at: 9 },
    });
    expect(withListProblem(withProblem, undefined)).toEqual(connected);
    expect(Object.keys(withListProblem(withProblem, undefined))).not.toContain('listProblem');
  });

  test.each<[string, ConnectionStatus, object]>([
    [
      'too large: the sizes in KiB, and the settings',
      { ...connected, listProblem: tooLarge },
      {
        key: 'statusListStale',
        hintKey: 'popupHintListTooLarge',
        hintArgs: [1954, 64],
        tone: 'problem',
        action: 'options',
      },
    ],
    [
      'unreadable',
      { ...connected, listProblem: { reason: 'invalid', at: 5 } },
      { key: 'statusListStale', hintKey: 'popupHintListInvalid', tone: 'problem' },
    ],
    [
      'the link is down: that comes first',
      { phase: 'connecting', since: 0, attempt: 1, listProblem: tooLarge },
      { key: 'statusConnecting', tone: 'busy' },
    ],
  ])('the popup says: %s', (_, status, expected) => {
    expect(statusText(status, 0)).toEqual(expected);
  });

  test('host pages grey their marks at once: the list they hold is out of date', () => {
    expect(msUntilStale({ ...connected, listProblem: tooLarge }, 100)).toBe(0);
    expect(msUntilStale(connected, 100)).toBeUndefined();
  });
});

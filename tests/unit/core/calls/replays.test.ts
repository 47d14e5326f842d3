import { expect, test } from 'vitest';
import {
  isReplay,
  MAX_DELIVERIES,
  remember,
  replayKey,
  REPLAY_WINDOW_MS,
  type Delivery,
} from '../../../../utils/core/calls/replays';
import type { UserId } from '../../../../utils/core/protocol/schemas';

const NOW = 1_800_000_000_000;
const seen = (key: string, ago: number): Delivery => ({ key, at: NOW - ago });

test.each<[string, readonly Delivery[], boolean]>([
  ['never seen', [], false],
  ['seen just now', [seen('7 T', 0)], true],
  ['seen inside the window', [seen('7 T', REPLAY_WINDOW_MS - 1)], true],
  ['seen a full window ago', [seen('7 T', REPLAY_WINDOW_MS)], false],
  ['another key seen', [seen('8 T', 0)], false],
  ['"seen" in the future after the clock was set back an hour', [seen('7 T', -3_600_000)], false],
  // A log saved by an older version kept plain ids: they mark nothing.
  ['an entry of the old format', ['7 T' as unknown as Delivery], false],
])('%s: replay %s', (_, deliveries, expected) => {
  expect(isReplay(deliveries, '7 T', NOW)).toBe(expected);
});

test.each<[string, readonly Delivery[], readonly Delivery[]]>([
  ['added', [seen('8 T', 1_000)], [seen('8 T', 1_000), seen('7 T', 0)]],
  ['an older arrival of the key is replaced', [seen('7 T', REPLAY_WINDOW_MS + 5)], [seen('7 T', 0)]],
  [
    'keys past the window are forgotten',
    [seen('8 T', REPLAY_WINDOW_MS), seen('9 T', 10)],
    [seen('9 T', 10), seen('7 T', 0)],
  ],
  ['old-format entries are forgotten', ['8 T' as unknown as Delivery], [seen('7 T', 0)]],
])('remember: %s', (_, deliveries, expected) => {
  expect(remember(deliveries, '7 T', NOW)).toEqual(expected);
});

test('a flood inside the window keeps the newest keys, within the bound', () => {
  let deliveries: readonly Delivery[] = [];
  for (let index = 0; index < MAX_DELIVERIES + 10; index++)
    deliveries = remember(deliveries, `7 ${String(index)}`, NOW);
  expect(deliveries).toHaveLength(MAX_DELIVERIES);
  expect(deliveries[0]?.key).toBe('7 10');
});

test.each([
  ['a sender and SendTime', '7', '2026-11-25T09:00:00.0000000+08:00', '7\n2026-11-25T09:00:00.0000000+08:00'],
  ['a sender with a space, unlike another split', '7 2026/1/1', '9:00', '7 2026/1/1\n9:00'],
  ['the other split', '7', '2026/1/1 9:00', '7\n2026/1/1 9:00'],
  ['no SendTime: no key', '7', '', undefined],
])('replay key of %s', (_, sender, sendTime, expected) => {
  expect(replayKey(sender as UserId, sendTime)).toBe(expected);
});

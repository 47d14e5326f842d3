import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { createNameLearner, LEARN_BATCH } from '../../../../utils/content/marks/name-learner';
import type { UserId } from '../../../../utils/core/protocol/schemas';
import { realTimers } from '../../../helpers/real-timers';

const id = (value: string | number) => String(value) as UserId;
const timers = realTimers;

let sent: [UserId, string][][];
let fail: boolean;
let life: AbortController;
let learn: (user: UserId, name: string) => void;

beforeEach(() => {
  vi.useFakeTimers();
  sent = [];
  fail = false;
  life = new AbortController();
  learn = createNameLearner(
    {
      send: (names) => (
        sent.push(names),
        fail ? Promise.reject(new Error('the background went away')) : Promise.resolve(null)
      ),
      known: (user) => (user === id('1') ? '章三' : undefined),
      timers,
    },
    life.signal,
  );
});

afterEach(() => {
  life.abort();
  vi.useRealTimers();
});

test('a table’s worth of names goes out as one request, each name once', async () => {
  for (let pass = 0; pass < 3; pass++) for (let row = 2; row < 100; row++) learn(id(row), `User ${row}`);
  learn(id('1'), '章三 (already known)');
  await vi.runAllTimersAsync();
  expect(sent).toHaveLength(1);
  expect(sent[0]).toHaveLength(98);
});

test('a name longer than the background accepts is left out, so it cannot spoil the batch', async () => {
  learn(id(2), 'x'.repeat(201));
  learn(id(3), '王五');
  await vi.runAllTimersAsync();
  expect(sent).toEqual([[[id(3), '王五']]]);
});

test('ten thousand rows: batches of at most 5,000 (the background’s limit)', async () => {
  for (let row = 2; row < 10_002; row++) learn(id(row), `User ${row}`);
  await vi.runAllTimersAsync();
  expect(sent.map((batch) => batch.length)).toEqual([LEARN_BATCH, LEARN_BATCH]);
});

test('names that could not be sent are offered again the next time they are seen', async () => {
  fail = true;
  learn(id(2), '李四');
  await vi.runAllTimersAsync();
  fail = false;
  learn(id(2), '李四');
  await vi.runAllTimersAsync();
  expect(sent).toEqual([[[id(2), '李四']], [[id(2), '李四']]]);
});

test('nothing is sent after the page’s script ended', async () => {
  learn(id(2), '李四');
  life.abort();
  await vi.runAllTimersAsync();
  expect(sent).toEqual([]);
});

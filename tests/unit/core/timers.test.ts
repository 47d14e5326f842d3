import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { clampDelay, clampedTimers, MAX_TIMER_DELAY_MS } from '../../../utils/core/timers';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

test.each([
  ['a usual delay', 1_500, 1_500],
  ['zero', 0, 0],
  ['negative (a deadline already past)', -5_000, 0],
  ['the largest delay', MAX_TIMER_DELAY_MS, MAX_TIMER_DELAY_MS],
  ['one more than the largest', MAX_TIMER_DELAY_MS + 1, MAX_TIMER_DELAY_MS],
  ['a date in year 9999', Date.UTC(9999, 0, 1) - Date.UTC(2026, 0, 1), MAX_TIMER_DELAY_MS],
  ['Infinity', Infinity, MAX_TIMER_DELAY_MS],
  ['-Infinity', -Infinity, 0],
  ['NaN, read as setTimeout does', NaN, 0],
])('%s: %d ms becomes %d', (_, ms, expected) => {
  expect(clampDelay(ms)).toBe(expected);
});

test.each([
  [
    'an overflowing delay waits the longest delay instead of firing at once',
    MAX_TIMER_DELAY_MS * 2,
    MAX_TIMER_DELAY_MS,
  ],
  ['a usual delay is untouched', 250, 250],
])('clamped timers: %s', (_, ms, firesAfter) => {
  const fired = vi.fn();
  clampedTimers({
    setTimeout: (callback, delay) => setTimeout(callback, delay),
    clearTimeout: (handle) => clearTimeout(handle),
  }).setTimeout(fired, ms);
  vi.advanceTimersByTime(firesAfter - 1);
  expect(fired).not.toHaveBeenCalled();
  vi.advanceTimersByTime(1);
  expect(fired).toHaveBeenCalledTimes(1);
});

test('clamped timers can be cleared', () => {
  const fired = vi.fn();
  const timers = clampedTimers({
    setTimeout: (callback, delay) => setTimeout(callback, delay),
    clearTimeout: (handle) => clearTimeout(handle),
  });
  timers.clearTimeout(timers.setTimeout(fired, 10));
  vi.advanceTimersByTime(100);
  expect(fired).not.toHaveBeenCalled();
});

import { describe, expect, test } from 'vitest';
import { backoffCeiling, backoffDelay } from '../../../../utils/background/connection/backoff';
import { defaultConnectionOptions } from '../../../../utils/background/connection/types';

const { backoff } = defaultConnectionOptions;

// attempt → base·2^attempt capped at 30 s (base 1.5 s: 1.5, 3, 6, 12, 24, then 30 s)
const ceilings: [number, number][] = [
  [0, 1_500],
  [1, 3_000],
  [2, 6_000],
  [3, 12_000],
  [4, 24_000],
  [5, 30_000],
  [6, 30_000],
  [10, 30_000],
];

describe('backoffDelay (full jitter)', () => {
  test.each(ceilings)('attempt %i: random 0.999 → just under %i ms', (attempt, ceiling) => {
    expect(backoffCeiling(attempt, backoff)).toBe(ceiling);
    const delay = backoffDelay(attempt, backoff, () => 0.999);
    expect(delay).toBeLessThan(ceiling);
    expect(delay).toBeCloseTo(0.999 * ceiling);
  });

  test.each(ceilings)('attempt %i: random 0 → retry at once', (attempt) => {
    expect(backoffDelay(attempt, backoff, () => 0)).toBe(0);
  });

  test('huge attempt counts and a zero base stay finite', () => {
    expect(backoffDelay(10_000, backoff, () => 0.5)).toBe(15_000);
    expect(backoffDelay(10_000, { baseMs: 0, capMs: 30_000 }, () => 0.5)).toBe(0);
  });

  test('a random source outside [0, 1] cannot push the delay past the cap', () => {
    expect(backoffDelay(20, backoff, () => 7)).toBe(30_000);
    expect(backoffDelay(20, backoff, () => -1)).toBe(0);
  });
});

import { describe, expect, test } from 'vitest';
import type { RingingCall } from '../../../../utils/core/calls/records';
import { TabRinging } from '../../../../utils/content/calls/tab-ringing';
import type { UserId } from '../../../../utils/core/protocol/schemas';

const call = (n: number): RingingCall => ({ id: `c${n}`, callerId: '7' as UserId, callerName: 'Caller', at: n });
const fill = (ringing: TabRinging, count: number) => {
  for (let n = 0; n < count; n++) ringing.add(call(n));
};

describe('TabRinging', () => {
  test.each([
    // count, kept whole, hidden
    [0, 0, 0],
    [3, 3, 0],
    [10, 10, 0],
    [11, 10, 1],
    [500, 10, 490],
    [1_000, 10, 990],
  ])('%i calls: %i held whole, %i only counted', (count, kept, hidden) => {
    const ringing = new TabRinging(10, 100);
    fill(ringing, count);
    expect(ringing.calls).toHaveLength(kept);
    expect(ringing.hidden).toBe(hidden);
    expect(ringing.size).toBe(count);
    if (count > 0) expect(ringing.calls.at(-1)?.id).toBe(`c${count - 1}`);
  });

  test('the same call twice is one', () => {
    const ringing = new TabRinging(2);
    fill(ringing, 3);
    ringing.add(call(0));
    ringing.add(call(2));
    expect(ringing.size).toBe(3);
  });

  test('a call closed elsewhere leaves, whether held whole or only by id', () => {
    const ringing = new TabRinging(2);
    fill(ringing, 4);
    expect(ringing.remove('c0')).toBe(true);
    expect(ringing.remove('c3')).toBe(true);
    expect(ringing.remove('c3')).toBe(false);
    expect(ringing.size).toBe(2);
    expect(ringing.calls.map((c) => c.id)).toEqual(['c2']);
  });

  test('dismiss all returns every id still known and empties the tab', () => {
    const ringing = new TabRinging(2, 1);
    fill(ringing, 5);
    expect(ringing.clear()).toEqual(['c0', 'c3', 'c4']);
    expect(ringing.size).toBe(0);
    expect(ringing.hidden).toBe(0);
  });
});

import { describe, expect, test } from 'vitest';
import { toastStack } from '../../../../utils/content/calls/toast-stack';
import { ringingCall as call } from './helpers/ringing-call';

describe('toastStack', () => {
  test.each([
    [0, 0, 0],
    [1, 1, 0],
    [3, 3, 0],
    [4, 3, 1],
    [500, 3, 497],
  ])('%i ringing: %i toasts and %i more', (count, shown, more) => {
    const ringing = Array.from({ length: count }, (_, index) => call(String(index), index));
    const stack = toastStack(ringing);
    expect(stack.shown).toHaveLength(shown);
    expect(stack.more).toBe(more);
    if (count > 0) expect(stack.shown[0]?.id).toBe(String(count - 1));
  });

  test('calls only counted (a flood) add to "+N more"', () => {
    const ringing = Array.from({ length: 200 }, (_, index) => call(String(index), index));
    expect(toastStack(ringing, 3, 300).more).toBe(497);
  });
});

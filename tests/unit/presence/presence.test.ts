import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { diffOnline } from '../../../utils/presence/diff';
import { PresenceStore } from '../../../utils/presence/store';
import type { UserId } from '../../../utils/protocol/schemas';

const ids = (...values: string[]) => values as UserId[];

describe('diffOnline', () => {
  test.each([
    ['nobody changes', ['1', '2'], ['2', '1'], [], []],
    ['one joins', ['1'], ['1', '2'], ['2'], []],
    ['one leaves', ['1', '2'], ['2'], [], ['1']],
    ['everyone replaced', ['1', '2'], ['3'], ['3'], ['1', '2']],
    ['from empty', [], ['1'], ['1'], []],
    ['to empty', ['1'], [], [], ['1']],
  ])('%s', (_, before, after, joined, left) => {
    expect(diffOnline(new Set(ids(...before)), new Set(ids(...after)))).toEqual({ joined, left });
  });

  test('applying the diff to the old set gives the new set', () => {
    const set = fc.uniqueArray(fc.string({ minLength: 1, maxLength: 3 }), { maxLength: 30 });
    fc.assert(fc.property(set, set, (before, after) => {
      const { joined, left } = diffOnline(new Set(ids(...before)), new Set(ids(...after)));
      const result = new Set(before);
      for (const id of left) result.delete(id);
      for (const id of joined) result.add(id);
      expect([...result].sort()).toEqual([...after].sort());
    }));
  });
});

describe('PresenceStore', () => {
  test('each change bumps the version and notes when people left; an unchanged list changes nothing', () => {
    const store = new PresenceStore();
    expect(store.apply(ids('1', '2'), 100)).toEqual({ version: 1, at: 100, joined: ['1', '2'], left: [] });
    expect(store.apply(ids('2', '1'), 200)).toBeUndefined();
    expect(store.apply(ids('2', '3'), 300)).toEqual({ version: 2, at: 300, joined: ['3'], left: ['1'] });
    expect(store.snapshot()).toEqual({ version: 2, online: ['2', '3'], lastSeen: { 1: 300 } });
    expect(store.isOnline('3' as UserId)).toBe(true);
  });

  test('continues from a restored snapshot', () => {
    const store = new PresenceStore({ version: 41, online: ids('1'), lastSeen: { ['7' as UserId]: 5 } });
    expect(store.apply(ids('2'), 50)).toEqual({ version: 42, at: 50, joined: ['2'], left: ['1'] });
    expect(store.snapshot().lastSeen).toEqual({ 1: 50, 7: 5 });
  });
});

import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { lastSeenLimits, PresenceStore } from '../../../../utils/core/presence/store';
import type { UserId } from '../../../../utils/core/protocol/schemas';

const ids = (...values: string[]) => values as UserId[];

describe('PresenceStore', () => {
  test('each change bumps the version and notes when people left; an unchanged list changes nothing', () => {
    const store = new PresenceStore();
    expect(store.apply(ids('1', '2'), 100)).toEqual({ version: 1, at: 100, joined: ['1', '2'], left: [] });
    expect(store.apply(ids('2', '1'), 200)).toBeUndefined();
    expect(store.apply(ids('2', '3'), 300)).toEqual({ version: 2, at: 300, joined: ['3'], left: ['1'] });
    expect(store.snapshot()).toEqual({ version: 2, online: ['2', '3'], lastSeen: { 1: 300 } });
    expect(store.isOnline('3' as UserId)).toBe(true);
  });

  test.each([
    ['nobody changes', ['1', '2'], ['2', '1'], undefined],
    ['one joins', ['1'], ['1', '2'], { joined: ['2'], left: [] }],
    ['one leaves', ['1', '2'], ['2'], { joined: [], left: ['1'] }],
    ['everyone replaced', ['1', '2'], ['3'], { joined: ['3'], left: ['1', '2'] }],
    ['from empty', [], ['1'], { joined: ['1'], left: [] }],
    ['to empty', ['1'], [], { joined: [], left: ['1'] }],
    ['a list naming someone twice', ['1', '2'], ['2', '2', '3', '3'], { joined: ['3'], left: ['1'] }],
    ['one leaves while another joins: the same count', ['1', '2'], ['2', '3'], { joined: ['3'], left: ['1'] }],
  ])('%s', (_, before, after, diff) => {
    const store = new PresenceStore();
    store.apply(ids(...before), 0);
    const change = store.apply(ids(...after), 10);
    expect(change && { joined: change.joined, left: change.left }).toEqual(diff);
    expect([...new Set(store.snapshot().online)].sort()).toEqual([...new Set(after)].sort());
  });

  test('any run of lists: each change is the difference of two sets, and the store holds the last list', () => {
    const list = fc.array(fc.constantFrom('1', '2', '3', '4', '5', '__proto__', 'constructor'), { maxLength: 10 });
    fc.assert(
      fc.property(fc.array(list, { maxLength: 8 }), (lists) => {
        const store = new PresenceStore();
        let before = new Set<string>();
        for (const [index, each] of lists.entries()) {
          const after = new Set<string>(each);
          const change = store.apply(ids(...each), index);
          const joined = [...after].filter((id) => !before.has(id));
          const left = [...before].filter((id) => !after.has(id));
          if (joined.length === 0 && left.length === 0) expect(change).toBeUndefined();
          else
            expect(change && { joined: [...change.joined], left: [...change.left].sort() }).toEqual({
              joined,
              left: left.sort(),
            });
          expect(store.snapshot().online).toHaveLength(after.size);
          for (const id of after) expect(store.isOnline(id as UserId)).toBe(true);
          before = after;
        }
      }),
    );
  });

  test('lends a live view of who is online', () => {
    const store = new PresenceStore();
    store.apply(ids('1', '2'), 0);
    const online = store.onlineIds();
    expect([online.size, online.has('1' as UserId), online.has('3' as UserId)]).toEqual([2, true, false]);
    store.apply(ids('2', '3'), 10);
    expect([online.size, online.has('1' as UserId), online.has('3' as UserId)]).toEqual([2, false, true]);
  });

  test('keeps the order people came online in, as views do', () => {
    const store = new PresenceStore();
    store.apply(ids('3', '1'), 0);
    store.apply(ids('2', '1', '3'), 10);
    expect(store.snapshot().online).toEqual(['3', '1', '2']);
  });

  test('continues from a restored snapshot', () => {
    const store = new PresenceStore({ version: 41, online: ids('1'), lastSeen: { ['7' as UserId]: 5 } });
    expect(store.apply(ids('2'), 50)).toEqual({ version: 42, at: 50, joined: ['2'], left: ['1'] });
    expect(store.snapshot().lastSeen).toEqual({ 1: 50, 7: 5 });
  });
});

describe('last seen is bounded', () => {
  const many = (count: number, from = 0) => Array.from({ length: count }, (_, index) => String(from + index) as UserId);

  test('someone back online has no "last seen"; leaving again counts from then', () => {
    const store = new PresenceStore();
    store.apply(ids('1', '2'), 0);
    store.apply(ids('2'), 10);
    store.apply(ids('1', '2'), 20);
    expect(store.snapshot().lastSeen).toEqual({});
    store.apply(ids('2'), 30);
    expect(store.snapshot().lastSeen).toEqual({ 1: 30 });
  });

  test(`at most ${lastSeenLimits.count} are kept: those who left longest ago go first`, () => {
    const store = new PresenceStore();
    const first = many(lastSeenLimits.count);
    store.apply(first, 0);
    store.apply([], 1);
    store.apply(many(10, 1_000_000), 2);
    store.apply([], 3);
    const lastSeen = store.snapshot().lastSeen;
    expect(Object.keys(lastSeen)).toHaveLength(lastSeenLimits.count);
    expect(Object.hasOwn(lastSeen, first[9] ?? '')).toBe(false);
    expect(Object.hasOwn(lastSeen, first[10] ?? '')).toBe(true);
    expect(lastSeen['1000009' as UserId]).toBe(3);
  });

  test('nothing older than a week is kept, a restored snapshot included', () => {
    const week = lastSeenLimits.maxAgeMs;
    const store = new PresenceStore({
      version: 1,
      online: ids('3'),
      lastSeen: { ['1' as UserId]: 0, ['2' as UserId]: week, ['3' as UserId]: week },
    });
    expect(store.snapshot().lastSeen).toEqual({ 1: 0, 2: week });
    store.apply(ids('4'), week + 1);
    expect(store.snapshot().lastSeen).toEqual({ 2: week, 3: week + 1 });
  });
});

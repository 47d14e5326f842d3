import { cleanup, fireEvent, screen } from '@testing-library/preact';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { RosterState } from '../../../../utils/core/messages/roster-state';
import { renderPopup } from './helpers/render-popup';
import { id, incoming, NOW, outgoing, rosterState, withCalls } from './helpers/state';

/** Ids that are also names of `Object.prototype`'s members: valid ids, and keys a plain object already "has". */
const BUILT_IN = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', 'isPrototypeOf'];

/** The state as a view receives it: through the runtime port, i.e. as JSON data. */
const overPort = (state: RosterState): RosterState => JSON.parse(JSON.stringify(state)) as RosterState;

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
});

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const listed = () => [...document.querySelectorAll('.person .name')].map((element) => element.textContent);

describe('ids that are built-in property names', () => {
  test.each(BUILT_IN)('%s online, with no name: listed by its id', (userId) => {
    renderPopup(overPort(rosterState({ presence: { version: 1, online: [id('1'), id(userId)], lastSeen: {} } })));
    expect(listed()).toEqual([userId]);
    expect(screen.getByRole('tab', { name: 'Online (1)' })).toBeTruthy();
  });

  test.each(BUILT_IN)('%s online, with a name: listed by the name', (userId) => {
    const state = rosterState({
      presence: { version: 1, online: [id('1'), id(userId)], lastSeen: {} },
      names: { [userId]: 'Odd Id' },
    });
    renderPopup(overPort(state));
    expect(listed()).toEqual(['Odd Id']);
  });

  test.each(BUILT_IN)('%s offline and last seen: under Offline, with the time', (userId) => {
    const state = rosterState({
      presence: { version: 1, online: [id('1')], lastSeen: { [userId]: NOW - 3 * 3600_000 } },
      names: {},
    });
    renderPopup(overPort(state));
    fireEvent.click(screen.getByRole('button', { name: 'Offline (1)' }));
    const absent = [...document.querySelectorAll('.absent')].map((row) => row.textContent);
    expect(absent).toEqual([`${userId}offline — last seen 3 hours ago`]);
  });

  test.each(BUILT_IN)('%s in the call log: named by its id', (userId) => {
    const state = rosterState({
      ...withCalls([
        { ...incoming('i1', '2', 'missed', NOW - 60_000), peerId: id(userId), peerName: '' },
        { ...outgoing('o1', '2', 'sent', NOW), peerId: id(userId) },
      ]),
      names: {},
    });
    renderPopup(overPort(state));
    fireEvent.click(screen.getByRole('tab', { name: /^Calls/ }));
    const entries = [...document.querySelectorAll('.call-entry')].map((entry) => entry.textContent);
    expect(entries).toHaveLength(2);
    for (const entry of entries) expect(entry).toContain(userId);
  });

  test.each(BUILT_IN)('%s as me: shown in the header', (userId) => {
    renderPopup(overPort(rosterState({ me: { id: id(userId), name: '', source: 'settings' }, names: {} })));
    expect(document.querySelector('.me')?.textContent).toContain(userId);
  });
});

describe('any id at all', () => {
  /** Ids as the codec lets them through: trimmed, not empty; the built-in names often. */
  const anyId = fc.oneof(
    fc.constantFrom(...BUILT_IN),
    fc.string({ minLength: 1, maxLength: 12 }).filter((text) => text.trim() === text && text !== ''),
  );
  const cases = fc.record({
    online: fc.uniqueArray(anyId, { minLength: 1, maxLength: 6 }).filter((ids) => !ids.includes('1')),
    named: fc.uniqueArray(anyId, { maxLength: 3 }),
    left: fc.uniqueArray(anyId, { maxLength: 3 }),
  });

  test('the popup draws every one of them, online, offline and in the calls, and never goes blank', () => {
    fc.assert(
      fc.property(cases, ({ online, named, left }) => {
        const away = left.filter((userId) => !online.includes(userId) && userId !== '1');
        const names = Object.fromEntries(named.map((userId) => [userId, `name of ${userId}`]));
        const state = rosterState({
          presence: {
            version: 1,
            online: [id('1'), ...online.map(id)],
            lastSeen: Object.fromEntries(away.map((userId) => [userId, NOW - 60_000])),
          },
          names,
          ...withCalls(
            online.map((userId, index) => ({
              ...incoming(`i${index}`, '2', 'missed', NOW - index),
              peerId: id(userId),
              peerName: '',
            })),
          ),
        });
        try {
          renderPopup(overPort(state));
          const shown = (userId: string) => (Object.hasOwn(names, userId) ? `name of ${userId}` : userId);
          expect([...listed()].sort()).toEqual(online.map(shown).sort());
          const absent = new Set([...named, ...away].filter((userId) => !online.includes(userId) && userId !== '1'));
          if (absent.size > 0) {
            fireEvent.click(screen.getByRole('button', { name: `Offline (${absent.size})` }));
            expect(document.querySelectorAll('.absent')).toHaveLength(absent.size);
          }
          fireEvent.click(screen.getByRole('tab', { name: /^Calls/ }));
          const entries = [...document.querySelectorAll('.call-entry')].map((entry) => entry.textContent);
          for (const userId of online) expect(entries.some((text) => text.includes(shown(userId)))).toBe(true);
        } finally {
          cleanup();
        }
      }),
      { numRuns: 40 },
    );
  });
});

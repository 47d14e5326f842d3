import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { callLog } from '../../../../utils/pages/popup/call-log';
import { nameOrder } from '../../../../utils/pages/popup/collate';
import { offlineIds, offlinePeople, onlinePeople } from '../../../../utils/pages/popup/people';
import { queryTerms, SearchIndex } from '../../../../utils/pages/popup/search';
import { sortPeople } from '../../../../utils/pages/popup/sorted-online';
import type { CallRecord } from '../../../../utils/core/calls/records';
import { silentIdentity } from '../../../../utils/core/identity/status';
import { Directory } from '../../../../utils/core/presence/directory';
import { ownValue } from '../../../../utils/core/presence/id-table';
import { PresenceStore } from '../../../../utils/core/presence/store';
import type { UserId } from '../../../../utils/core/protocol/schemas';
import { pageConfig } from '../../../../utils/core/messages/page-config';
import { applyEvent } from '../../../../utils/core/messages/reduce';
import type { RosterState } from '../../../../utils/core/messages/roster-state';
import { defaultSettings } from '../../../../utils/core/settings/validate';

/** Names of `Object.prototype`'s members, and `__proto__`: valid ids that a plain object already "has". */
const BUILT_IN = [
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  'valueOf',
  'isPrototypeOf',
  'prototype',
] as UserId[];
const anyId = fc
  .oneof(fc.constantFrom(...BUILT_IN), fc.string({ minLength: 1, maxLength: 10 }))
  .map((text) => text as UserId);

/** What a view receives: the runtime port carries JSON data. */
const overPort = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

const baseState = (): RosterState => ({
  connection: { phase: 'connected', since: 0, attempt: 0 },
  presence: { version: 0, online: [], lastSeen: {} },
  names: {},
  me: null,
  identity: silentIdentity,
  page: pageConfig(defaultSettings()),
  calls: { records: [], unseen: 0 },
  doNotDisturb: false,
  setup: { siteUrl: '', missingOrigins: [] },
  away: false,
});

describe('ids that are built-in property names are ordinary ids', () => {
  test.each(BUILT_IN)('the directory names %s, and says so', (id) => {
    const directory = new Directory();
    expect(Object.entries(directory.learn('server', [[id, 'Odd Id']]))).toEqual([[id, 'Odd Id']]);
    expect(directory.name(id)).toBe('Odd Id');
    expect(Object.entries(overPort(directory.entries()))).toEqual([[id, 'Odd Id']]);
    expect(Object.entries(directory.replace('directory', [[id, 'Listed']]))).toEqual([[id, 'Listed']]);
    expect(new Directory(overPort(directory.state())).name(id)).toBe('Listed');
  });

  test.each(BUILT_IN)('the directory does not name %s before it learns it', (id) => {
    expect(new Directory().name(id)).toBeUndefined();
    expect(ownValue(new Directory().entries(), id)).toBeUndefined();
  });

  test.each(BUILT_IN)('%s leaving is last seen, in the store and in a view', (id) => {
    const store = new PresenceStore();
    store.apply([id], 100);
    const view = applyEvent(
      { ...baseState(), presence: overPort(store.snapshot()) },
      { type: 'presence', change: overPort(store.apply([], 200) ?? fail()) },
    );
    expect(Object.entries(store.snapshot().lastSeen)).toEqual([[id, 200]]);
    expect(Object.entries(view?.presence.lastSeen ?? {})).toEqual([[id, 200]]);
    expect(Object.entries(new PresenceStore(overPort(store.snapshot())).snapshot().lastSeen)).toEqual([[id, 200]]);
  });

  test.each(BUILT_IN)('a view merges a name for %s', (id) => {
    const view = applyEvent(baseState(), {
      type: 'names',
      names: overPort(new Directory().learn('page', [[id, 'Odd Id']])),
    });
    expect(Object.entries(view?.names ?? {})).toEqual([[id, 'Odd Id']]);
  });
});

function fail(): never {
  throw new Error('expected a change');
}

describe('properties over arbitrary ids', () => {
  const lists = fc.array(fc.uniqueArray(anyId, { maxLength: 8 }), { minLength: 1, maxLength: 6 });
  const named = fc.array(fc.tuple(anyId, fc.string({ minLength: 1, maxLength: 8 })), { maxLength: 8 });

  test('a view that follows the diffs holds what the background holds', () => {
    fc.assert(
      fc.property(lists, (sequence) => {
        const store = new PresenceStore();
        const changes = sequence.flatMap((online, step) => store.apply(online, step + 1) ?? []);
        const start: RosterState = { ...baseState(), presence: overPort(new PresenceStore().snapshot()) };
        const view = changes.reduce<RosterState | undefined>(
          (state, change) => applyEvent(state, { type: 'presence', change: overPort(change) }),
          start,
        );
        const snapshot = overPort(store.snapshot());
        expect(new Set(view?.presence.online)).toEqual(new Set(snapshot.online));
        expect(new Map(Object.entries(view?.presence.lastSeen ?? {}))).toEqual(
          new Map(Object.entries(snapshot.lastSeen)),
        );
      }),
    );
  });

  test('every id is named, sorted, found by a search for it, and shown in the call log', () => {
    const order = nameOrder('en');
    fc.assert(
      fc.property(lists, named, (sequence, learned) => {
        const directory = new Directory();
        const store = new PresenceStore();
        directory.learn('server', learned);
        sequence.forEach((online, step) => store.apply(online, step + 1));
        const { presence, names } = overPort({ presence: store.snapshot(), names: directory.entries() });

        const online = sortPeople(onlinePeople(presence.online, names, undefined), order);
        const absent = offlinePeople(
          offlineIds(presence.online, names, presence.lastSeen, undefined),
          names,
          presence.lastSeen,
        );
        expect(online.map((person) => person.id).sort()).toEqual([...presence.online].sort());
        for (const person of [...online, ...absent]) {
          expect(person.name).toBe(directory.name(person.id)?.trim() || person.id);
          expect(new SearchIndex(() => '').filter([person], queryTerms(person.id))).toEqual([person]);
        }
        const records: CallRecord[] = presence.online.map((id, index) => ({
          kind: 'outgoing',
          id: `c${index}`,
          peerId: id,
          at: index,
          status: 'sent',
          settledAt: index,
        }));
        expect(callLog(records, names, new Set()).map((entry) => entry.name)).toEqual(
          [...presence.online].reverse().map((id) => directory.name(id)?.trim() || id),
        );
      }),
    );
  });
});

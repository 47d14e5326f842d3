import { describe, expect, test } from 'vitest';
import { nameOrder } from '../../../../utils/pages/popup/collate';
import { mePerson, offlineIds, offlinePeople, onlinePeople, person } from '../../../../utils/pages/popup/people';
import { sortPeople } from '../../../../utils/pages/popup/sorted-online';
import { peopleRows } from '../../../../utils/pages/popup/people-rows';
import { id } from '../../components/popup/helpers/state';

const order = nameOrder('en');
const names = { 1: '章三', 2: '李四', 4: 'Alice Martin', 7: '  ' };

describe('online people', () => {
  test('are named from the directory, without me; sorted, unnamed ones last by id', () => {
    const online = ['12', '2', '1', '4', '7', '3'].map(id);
    const people = onlinePeople(online, names, id('1'));
    expect(people.map((p) => p.name)).toEqual(['12', '李四', 'Alice Martin', '7', '3']);
    expect(sortPeople(people, order).map((p) => p.name)).toEqual(['Alice Martin', '李四', '3', '7', '12']);
  });

  test('the same name twice: by id', () => {
    const twins = [
      { id: id('20'), name: 'Wang Wei', named: true },
      { id: id('3'), name: 'wang wei', named: true },
    ];
    expect(sortPeople(twins, order).map((p) => p.id)).toEqual(['3', '20']);
  });

  test.each([
    ['a known name', '2', { id: '2', name: '李四', named: true }],
    ['no name: the id', '3', { id: '3', name: '3', named: false }],
    ['a blank name: the id', '7', { id: '7', name: '7', named: false }],
  ])('%s', (_, userId, expected) => {
    expect(person(id(userId), names)).toEqual(expected);
  });
});

describe('me', () => {
  test.each([
    ['named by the token', { id: id('1'), name: 'Zhang', source: 'jwt' as const }, 'Zhang'],
    ['named by the directory when the token is silent', { id: id('1'), name: '', source: 'settings' as const }, '章三'],
    ['known only by id', { id: id('99'), name: '', source: 'settings' as const }, '99'],
  ])('%s', (_, me, name) => {
    expect(mePerson(me, names)?.name).toBe(name);
  });

  test('nobody when signed out', () => {
    expect(mePerson(null, names)).toBeNull();
  });
});

describe('offline people', () => {
  test('are everyone known who is not online, me aside, with when they were last seen', () => {
    const ids = offlineIds([id('2')], names, { [id('9')]: 500 }, id('1'));
    expect(ids.sort()).toEqual(['4', '7', '9']);
    expect(sortPeople(offlinePeople(ids, names, { [id('9')]: 500 }), order)).toEqual([
      { id: '4', name: 'Alice Martin', named: true },
      { id: '7', name: '7', named: false },
      { id: '9', name: '9', named: false, lastSeen: 500 },
    ]);
  });
});

describe('rows of the list', () => {
  const alice = { id: id('4'), name: 'Alice Martin', named: true };
  const li = { id: id('2'), name: '李四', named: true, lastSeen: 10 };
  const kinds = (rows: ReturnType<typeof peopleRows>) =>
    rows.map((row) =>
      row.kind === 'offline-toggle'
        ? `toggle:${row.count}:${row.expanded ? 'open' : 'shut'}${row.fixed ? ':fixed' : ''}`
        : `${row.kind}:${row.person.id}`,
    );

  test.each([
    [
      'collapsed: the head counts everyone offline',
      false,
      false,
      { total: 5, shown: [] },
      ['online:4', 'toggle:5:shut'],
    ],
    [
      'expanded: the offline people follow',
      true,
      false,
      { total: 1, shown: [li] },
      ['online:4', 'toggle:1:open', 'offline:2'],
    ],
    [
      'searching: matches are listed under a fixed head',
      false,
      true,
      { total: 5, shown: [li] },
      ['online:4', 'toggle:1:open:fixed', 'offline:2'],
    ],
    ['searching with no offline match: no head', false, true, { total: 5, shown: [] }, ['online:4']],
    ['nobody offline: no head', true, false, { total: 0, shown: [] }, ['online:4']],
  ])('%s', (_, expanded, searching, offline, expected) => {
    expect(kinds(peopleRows([alice], offline, expanded, searching))).toEqual(expected);
  });
});

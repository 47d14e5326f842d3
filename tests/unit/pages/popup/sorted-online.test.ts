import fc from 'fast-check';
import { expect, test } from 'vitest';
import { nameOrder } from '../../../../utils/pages/popup/collate';
import type { Person } from '../../../../utils/pages/popup/people';
import { resort, sortFirst, sortPeople } from '../../../../utils/pages/popup/sorted-online';
import { id } from '../../components/popup/helpers/state';

const NAMES = [
  '王伟',
  '李娜',
  'Alice Martin',
  'alice martin',
  'Bruno',
  '欧阳娜娜',
  'Zoë',
  '陈静',
  'User 9',
  'User 10',
  '章三',
];

/** Up to 200 people with distinct ids; names drawn from a small set (so ties happen), some unnamed. */
const peopleArbitrary = fc
  .uniqueArray(fc.integer({ min: 1, max: 400 }), { maxLength: 200 })
  .chain((ids) =>
    fc.tuple(
      ...ids.map((value) =>
        fc
          .option(fc.constantFrom(...NAMES), { nil: undefined })
          .map((name): Person =>
            name
              ? { id: id(String(value)), name, named: true }
              : { id: id(String(value)), name: String(value), named: false },
          ),
      ),
    ),
  );

test.each(['en-US', 'zh-CN'])('the first screenful is what a full sort puts first (%s)', (locale) => {
  const order = nameOrder(locale);
  fc.assert(
    fc.property(peopleArbitrary, fc.integer({ min: 1, max: 40 }), (people, count) => {
      const first = sortFirst(people, order, count);
      const full = sortPeople(people, order);
      expect(first.people.slice(0, count)).toEqual(full.slice(0, count));
      expect([...first.people].sort((a, b) => a.id.localeCompare(b.id))).toEqual(
        [...people].sort((a, b) => a.id.localeCompare(b.id)),
      );
    }),
  );
});

test('a short list is simply sorted, and says it is complete', () => {
  const order = nameOrder('en');
  const people: Person[] = [
    { id: id('2'), name: 'Bruno', named: true },
    { id: id('1'), name: 'Alice', named: true },
  ];
  expect(sortFirst(people, order, 32)).toEqual({ people: [people[1], people[0]], complete: true });
});

test('after people come and go, the old order updated is the new order sorted', () => {
  const order = nameOrder('en-US');
  fc.assert(
    fc.property(peopleArbitrary, peopleArbitrary, (before, arrivals) => {
      const previous = sortPeople(before, order);
      // A third leave; names stay what they were (a new directory means a full sort instead).
      const stayed = before.filter((_, index) => index % 3 !== 0);
      const known = new Set(before.map((person) => person.id));
      const now = [...stayed, ...arrivals.filter((person) => !known.has(person.id))];
      expect(resort(previous, now, order)).toEqual(sortPeople(now, order));
    }),
  );
});

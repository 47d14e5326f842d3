import { expect, test } from 'vitest';
import { nameOrder } from '../../../../utils/pages/popup/collate';
import type { Person } from '../../../../utils/pages/popup/people';
import { sortPeople } from '../../../../utils/pages/popup/sorted-online';
import type { UserId } from '../../../../utils/core/protocol/schemas';

const office = ['章三', 'Émile', '李四', 'alice', 'Bob', '欧阳娜娜', 'User 10', 'User 9', '陈静'];
const people = (names: readonly string[]): Person[] =>
  names.map((name, index) => ({ id: String(index + 1) as UserId, name, named: true }));
/** Names in the order the popup lists them (the very function it sorts with). */
const listed = (locale: string, names: readonly string[] = office) =>
  sortPeople(people(names), nameOrder(locale)).map((person) => person.name);

test.each([
  // English UI: Latin first in English order (accents and case aside, numbers as numbers), then Han by pinyin.
  ['en-US', ['alice', 'Bob', 'Émile', 'User 9', 'User 10', '陈静', '李四', '欧阳娜娜', '章三']],
  // Chinese UI: Chinese collation, Han by pinyin first, then Latin.
  ['zh-CN', ['陈静', '李四', '欧阳娜娜', '章三', 'alice', 'Bob', 'Émile', 'User 9', 'User 10']],
])('names sort the way a %s reader scans them', (locale, expected) => {
  expect(listed(locale)).toEqual(expected);
});

test('the two groups keep the order transitive: any starting order ends the same', () => {
  const once = listed('en');
  expect(listed('en', [...office].reverse())).toEqual(once);
  expect(listed('en', once)).toEqual(once);
});

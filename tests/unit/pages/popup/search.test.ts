import { describe, expect, test } from 'vitest';
import { foldForSearch, matchesTerms, queryTerms, searchKey, SearchIndex } from '../../../../utils/pages/popup/search';
import { pinyinInitials } from '../../../../utils/pages/popup/pinyin';
import { id } from '../../components/popup/helpers/state';

const initials = pinyinInitials();

describe('a query finds a person by', () => {
  test.each([
    ['a name, ignoring case', 'alice', '4', 'Alice Martin', true],
    ['part of a name', 'mart', '4', 'Alice Martin', true],
    ['every word, in any order', 'martin ali', '4', 'Alice Martin', true],
    ['not some of the words only', 'alice smith', '4', 'Alice Martin', false],
    ['a name without its accents', 'chloe', '9', 'Chloé Dubois', true],
    ['full-width letters', 'ＡＬＩＣＥ', '4', 'Alice Martin', true],
    ['Chinese characters', '李', '2', '李四', true],
    ['pinyin initials', 'zs', '1', '章三', true],
    ['the id', '42', '42', 'Someone', true],
    ['not across name and id', 'one42', '42', 'Someone', false],
    ['nothing else', 'bob', '4', 'Alice Martin', false],
  ])('%s', (_, query, userId, name, expected) => {
    expect(matchesTerms(searchKey(id(userId), name, initials), queryTerms(query))).toBe(expected);
  });
});

test.each([
  ['  Alice   MARTIN ', ['alice', 'martin']],
  ['', []],
  ['   ', []],
  ['Chloé', ['chloe']],
])('query %j has terms %j', (query, terms) => {
  expect(queryTerms(query)).toEqual(terms);
});

test('folding leaves Han characters alone', () => {
  expect(foldForSearch('章三 Ｂob')).toBe('章三 bob');
});

describe('the index', () => {
  const people = [
    { id: id('1'), name: '章三' },
    { id: id('4'), name: 'Alice Martin' },
    { id: id('9'), name: 'Chloé Dubois' },
  ];

  test('returns the same list when there is nothing to search for', () => {
    const index = new SearchIndex(initials);
    expect(index.filter(people, [])).toBe(people);
  });

  test('filters, keeping the order', () => {
    const index = new SearchIndex(initials);
    expect(index.filter(people, queryTerms('i')).map((person) => person.id)).toEqual(['4', '9']);
  });

  test('builds a key once per name, again after a rename', () => {
    let calls = 0;
    const index = new SearchIndex((text) => {
      calls++;
      return initials(text);
    });
    index.warm(people);
    index.filter(people, ['a']);
    expect(calls).toBe(3);
    expect(index.filter([{ id: id('4'), name: 'Alice Dupont' }], ['dupont'])).toHaveLength(1);
    expect(calls).toBe(4);
  });
});

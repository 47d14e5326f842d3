import { expect, test } from 'vitest';
import { nameComparer } from '../../../components/popup/collate';

const office = ['章三', 'Émile', '李四', 'alice', 'Bob', '欧阳娜娜', 'User 10', 'User 9', '陈静'];

test.each([
  // English UI: Latin first in English order (accents and case aside, numbers as numbers), then Han by pinyin.
  ['en-US', ['alice', 'Bob', 'Émile', 'User 9', 'User 10', '陈静', '李四', '欧阳娜娜', '章三']],
  // Chinese UI: Chinese collation, Han by pinyin first, then Latin.
  ['zh-CN', ['陈静', '李四', '欧阳娜娜', '章三', 'alice', 'Bob', 'Émile', 'User 9', 'User 10']],
])('names sort the way a %s reader scans them', (locale, expected) => {
  expect([...office].sort(nameComparer(locale))).toEqual(expected);
});

test('the two groups keep the order transitive', () => {
  const compare = nameComparer('en');
  const sorted = [...office].sort(compare);
  for (let i = 0; i < sorted.length; i++) {
    for (let j = i + 1; j < sorted.length; j++) expect(compare(sorted[i]!, sorted[j]!)).toBeLessThanOrEqual(0);
  }
});

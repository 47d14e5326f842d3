import { expect, test } from 'vitest';
import { pinyinInitials } from '../../../../utils/pages/popup/pinyin';

const initials = pinyinInitials();

test.each([
  ['章三', 'zs'],
  ['李四', 'ls'],
  ['欧阳娜娜', 'oynn'],
  ['王五', 'ww'],
  ['陈静', 'cj'],
  ['Alice Martin', ''],
  ['王 Alice', 'w'],
  ['', ''],
])('%s → "%s"', (name, expected) => {
  expect(initials(name)).toBe(expected);
});

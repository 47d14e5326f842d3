import { expect, test } from 'vitest';
import { revealRow, rowsPerPage, visibleRange } from '../../../../utils/pages/popup/virtual-window';

test.each([
  ['the top', 0, 300, 44, 5_000, 2, { start: 0, end: 9 }],
  ['scrolled', 4_400, 300, 44, 5_000, 2, { start: 98, end: 109 }],
  ['the bottom', 44 * 5_000 - 300, 300, 44, 5_000, 2, { start: 4_991, end: 5_000 }],
  ['fewer rows than fit', 0, 300, 44, 3, 6, { start: 0, end: 3 }],
  ['an empty list', 0, 300, 44, 0, 6, { start: 0, end: 0 }],
  ['a bounce above the top', -40, 300, 44, 100, 0, { start: 0, end: 7 }],
])('%s', (_, scrollTop, height, rowHeight, count, overscan, range) => {
  expect(visibleRange(scrollTop, height, rowHeight, count, overscan)).toEqual(range);
});

test.each([
  ['already in view: no move', 3, 0, 0],
  ['below: scrolled just enough', 10, 0, 11 * 44 - 300],
  ['above: scrolled to its top', 2, 500, 88],
  ['partly hidden below', 6, 0, 7 * 44 - 300],
])('revealing a row %s', (_, index, scrollTop, expected) => {
  expect(revealRow(index, scrollTop, 300, 44)).toBe(expected);
});

test.each([
  [352, 44, 8],
  [300, 44, 6],
  [10, 44, 1],
])('%i px of %i px rows is a page of %i', (height, rowHeight, rows) => {
  expect(rowsPerPage(height, rowHeight)).toBe(rows);
});

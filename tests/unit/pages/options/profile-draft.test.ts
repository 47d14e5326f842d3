import { expect, test } from 'vitest';
import {
  cellMode,
  extractorKind,
  newProfile,
  switchExtractorKind,
  withCellMode,
} from '../../../../utils/pages/options/profile-draft';
import { SiteProfileSchema } from '../../../../utils/core/sites/settings-schema';
import * as v from 'valibot';

test.each([
  [
    'cell → attribute starts from the row',
    { from: 'cell', header: 'User', pattern: '\\d+' },
    'attribute',
    { from: 'attribute', pattern: '\\d+', attribute: 'data-id' },
  ],
  [
    'cell → link keeps the column',
    { from: 'cell', column: 3 },
    'link',
    { from: 'link', column: 3, selector: 'a[href]', pattern: '(\\d+)\\D*$' },
  ],
  [
    'attribute → cell drops the attribute',
    { from: 'attribute', attribute: 'data-uid', column: 2 },
    'cell',
    { from: 'cell', column: 2 },
  ],
  [
    'text → cell needs a column',
    { from: 'text', selector: '.who' },
    'cell',
    { from: 'cell', selector: '.who', header: 'Name' },
  ],
  [
    'cell → text drops the column',
    { from: 'cell', header: 'ID', selector: 'span' },
    'text',
    { from: 'text', selector: 'span' },
  ],
  [
    'nothing → link gets a link selector and a pattern',
    undefined,
    'link',
    { from: 'link', selector: 'a[href]', pattern: '(\\d+)\\D*$' },
  ],
] as const)('switchExtractorKind: %s', (_, current, kind, expected) => {
  expect(switchExtractorKind(current, kind)).toEqual(expected);
});

test.each([
  [{ from: 'cell', header: 'ID' }, 'cell', 'header'],
  [{ from: 'link', column: 3 }, 'link', 'column'],
  [{ from: 'text' }, 'text', 'row'],
  [{ from: 'other' }, undefined, 'row'],
  [undefined, undefined, 'row'],
])('%j reads from %s, at %s', (value, kind, mode) => {
  expect(extractorKind(value)).toBe(kind);
  expect(cellMode(value)).toBe(mode);
});

test.each([
  [{ position: 'after', header: 'Name' }, 'column', { position: 'after', column: 1 }],
  [{ position: 'after', column: 4 }, 'header', { position: 'after', header: '' }],
  [{ position: 'after', column: 4, selector: 'b' }, 'row', { position: 'after', selector: 'b' }],
  [{ header: 'Name' }, 'header', { header: 'Name' }],
] as const)('withCellMode(%j, %s)', (value, mode, expected) => {
  expect(withCellMode(value, mode)).toEqual(expected);
});

test('a new profile is valid as it is', () => {
  expect(v.safeParse(SiteProfileSchema, newProfile()).success).toBe(true);
});

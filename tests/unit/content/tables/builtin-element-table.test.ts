import { afterEach, describe, expect, test } from 'vitest';
import { elementTableProfile } from '../../../../utils/content/tables/builtin-element-table';
import { createHeaderLookup } from '../../../../utils/content/tables/table-headers';
import { mountFixture, mountMarkup } from '../../../fixtures/load';
import { readAll } from './read-rows';

afterEach(() => document.body.replaceChildren());

describe('Element UI el-table (fixed columns draw each row three times)', () => {
  test('the demo table: the main body copy carries each user; the fixed copies are duplicates', () => {
    const rows = readAll(elementTableProfile, mountFixture('element-table.html'));
    expect(rows).toHaveLength(30);
    const main = rows.filter((row) => row.where === 'main');
    expect(main.map((row) => row.reading?.kind)).toEqual(Array(10).fill('user'));
    expect(rows.filter((row) => row.where !== 'main').every((row) => row.reading?.kind === 'duplicate')).toBe(true);
    expect(main[0]?.reading).toEqual({
      kind: 'user',
      guessId: '1',
      name: '章三',
      anchor: 'div.cell.el-tooltip',
      position: 'before',
    });
    expect(main.map((row) => row.reading?.kind === 'user' && row.reading.name)).toContain('Chloé Dubois');
  });

  test('a name column fixed left: the fixed copy carries it, the main body is the duplicate', () => {
    const rows = readAll(elementTableProfile, mountFixture('element-table-fixed-name.html'));
    const users = rows.filter((row) => row.reading?.kind === 'user');
    expect(users.map((row) => row.where)).toEqual(['fixed-left', 'fixed-left', 'fixed-left']);
    expect(users.map((row) => row.reading)).toEqual([
      { kind: 'user', id: 'u-101', name: '李四', anchor: 'div.cell', position: 'before' },
      { kind: 'user', id: 'u-102', name: 'Alice Martin', anchor: 'div.cell', position: 'before' },
      { kind: 'user', id: 'u-113', name: '<img src=x onerror=alert(1)>', anchor: 'div.cell', position: 'before' },
    ]);
  });

  test('a table of something else is left alone', () => {
    const root = mountFixture('element-table.html');
    for (const cell of root.querySelectorAll('.el-table__header-wrapper th .cell'))
      cell.firstChild?.replaceWith('Amount');
    expect(readAll(elementTableProfile, root).every((row) => row.reading === undefined)).toBe(true);
  });

  test('rows of a plain table are not Element UI rows', () => {
    const root = mountMarkup(
      '<table><thead><tr><th>User</th></tr></thead><tbody><tr class="el-table__row"><td>李四</td></tr></tbody></table>',
    );
    expect(readAll(elementTableProfile, root).map((row) => row.reading)).toEqual([undefined]);
  });
});

describe('finding the rows to read', () => {
  test.each([
    ['the demo table: the main body only', 'element-table.html', 10, 'main'],
    ['name fixed left: the left body only', 'element-table-fixed-name.html', 3, 'fixed-left'],
  ])('%s; the copies are never touched', (_, fixture, count, where) => {
    const root = mountFixture(fixture);
    const rows = [...(elementTableProfile.rowsIn?.(root, createHeaderLookup()) ?? [])];
    expect(rows).toHaveLength(count);
    expect(
      new Set(
        rows.map((row) =>
          row.closest('.el-table__fixed')
            ? 'fixed-left'
            : row.closest('.el-table__fixed-right')
              ? 'fixed-right'
              : 'main',
        ),
      ),
    ).toEqual(new Set([where]));
  });

  test('a cell that changed leads to its own row', () => {
    const root = mountFixture('element-table.html');
    const cell = root.querySelector('.el-table__body-wrapper td.el-table_1_column_2 .cell')!;
    expect([...(elementTableProfile.rowsIn?.(cell, createHeaderLookup()) ?? [])]).toEqual([cell.closest('tr')]);
  });
});

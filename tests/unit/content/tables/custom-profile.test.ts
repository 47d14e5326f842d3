import * as v from 'valibot';
import { afterEach, describe, expect, test } from 'vitest';
import { compileProfile } from '../../../../utils/content/tables/custom-profile';
import { SiteProfileSchema } from '../../../../utils/core/sites/settings-schema';
import { mountFixture, mountMarkup } from '../../../fixtures/load';
import { readAll } from './read-rows';

afterEach(() => document.body.replaceChildren());

const profile = (input: v.InferInput<typeof SiteProfileSchema>) => compileProfile(v.parse(SiteProfileSchema, input), 0);

const ORDERS = `
<table>
  <thead><tr><th>Order</th><th>Owner</th><th>Since</th></tr></thead>
  <tbody>
    <tr class="order" data-owner="u-7"><td>A-1</td><td><a class="owner" href="/users/7?tab=info">Bruno Silva</a> <small>#7</small></td><td>2023</td></tr>
    <tr class="order"><td>A-2</td><td>(nobody)</td><td>2024</td></tr>
  </tbody>
</table>`;

describe('extractors', () => {
  test.each([
    ['an attribute of the row', { from: 'attribute', attribute: 'data-owner' }, 'u-7'],
    ['an attribute, pattern applied', { from: 'attribute', attribute: 'data-owner', pattern: 'u-(\\d+)' }, '7'],
    [
      'an attribute of an element in a cell',
      { from: 'attribute', attribute: 'href', header: 'Owner', selector: 'a' },
      '/users/7?tab=info',
    ],
    ['a cell by header text', { from: 'cell', header: 'owner', pattern: '#(\\d+)' }, '7'],
    ['a cell by column (1 = first)', { from: 'cell', column: 1, pattern: 'A-1' }, 'A-1'],
    ['a cell, narrowed by a selector', { from: 'cell', header: 'Owner', selector: 'a.owner' }, 'Bruno Silva'],
    ['a link address + pattern', { from: 'link', pattern: '/users/(\\d+)' }, '7'],
    ['a link in a given cell', { from: 'link', column: 2, pattern: '\\d+' }, '7'],
    ['text of an element in the row', { from: 'text', selector: 'small', pattern: '\\d+' }, '7'],
  ] as const)('%s', (_, id, expected) => {
    const rows = readAll(profile({ rows: 'tr.order', id }), mountMarkup(ORDERS));
    expect(rows[0]?.reading).toMatchObject({ kind: 'user', id: expected });
    expect(rows[1]?.reading).toBeUndefined();
  });
});

describe('mark placement', () => {
  test.each([
    ['before the name by default', {}, 'a.owner', 'before'],
    ['in a cell by header, after', { header: 'Since', position: 'after' }, 'td.', 'after'],
    ['at a selector in a column', { column: 2, selector: 'small' }, 'small.', 'before'],
  ] as const)('%s', (_, mark, anchor, position) => {
    const rows = readAll(
      profile({ rows: 'tr.order', name: { from: 'cell', header: 'Owner', selector: 'a' }, mark }),
      mountMarkup(ORDERS),
    );
    expect(rows[0]?.reading).toMatchObject({ kind: 'user', name: 'Bruno Silva', anchor, position });
  });
});

test('on an Element UI table a custom profile also marks only the visible copy', () => {
  const custom = profile({
    rows: 'tr.el-table__row',
    id: { from: 'link', header: '姓名', pattern: '/users/([\\w-]+)' },
  });
  const rows = readAll(custom, mountFixture('element-table-fixed-name.html'));
  expect(
    rows
      .filter((row) => row.reading?.kind === 'user')
      .map((row) => [row.where, row.reading?.kind === 'user' && row.reading.id]),
  ).toEqual([
    ['fixed-left', 'u-101'],
    ['fixed-left', 'u-102'],
    ['fixed-left', 'u-113'],
  ]);
  expect(rows.filter((row) => row.reading?.kind === 'duplicate')).toHaveLength(6);
});

test('the attributes a profile reads are watched for changes', () => {
  expect(
    profile({ rows: 'tr', id: { from: 'attribute', attribute: 'data-uid' }, name: { from: 'link', pattern: 'x' } })
      .attributes,
  ).toEqual(['data-uid', 'href']);
});

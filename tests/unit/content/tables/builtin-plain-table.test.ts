import { afterEach, expect, test } from 'vitest';
import { plainTableProfile } from '../../../../utils/content/tables/builtin-plain-table';
import { mountFixture, mountMarkup } from '../../../fixtures/load';
import { readAll } from './read-rows';

afterEach(() => document.body.replaceChildren());

test('the demo "Recently active" table: names from the User column, ids from the bare ID column (a guess)', () => {
  const rows = readAll(plainTableProfile, mountFixture('plain-table.html'));
  expect(rows.map((row) => row.reading)).toEqual([
    undefined, // the header row
    { kind: 'user', guessId: '3', name: '王五', anchor: 'td.recent-user', position: 'before' },
    { kind: 'user', guessId: '7', name: 'Bruno Silva', anchor: 'td.recent-user', position: 'before' },
    { kind: 'user', guessId: '13', name: '<img src=x onerror=alert(1)>', anchor: 'td.recent-user', position: 'before' },
    { kind: 'user', guessId: '2', name: '李四', anchor: 'td.recent-user', position: 'before' },
    expect.objectContaining({ guessId: '21', name: expect.stringMatching(/^Maximiliane .* \(Vertretung\)$/) }),
    { kind: 'user', guessId: '9', name: 'Chloé Dubois', anchor: 'td.recent-user', position: 'before' },
  ]);
});

test.each([
  [
    'Chinese headers, no <thead>: a first row of <th>',
    '<table><tr><th>姓名</th><th>部门</th></tr><tr><td>李四</td><td>研发</td></tr></table>',
    [undefined, { kind: 'user', name: '李四', anchor: 'td.', position: 'before' }],
  ],
  [
    'a user-id column alone is enough',
    '<table><thead><tr><th>Order</th><th>User ID</th></tr></thead><tbody><tr><td>A-1</td><td> 42 </td></tr></tbody></table>',
    [undefined, { kind: 'user', id: '42', anchor: 'td.', position: 'before' }],
  ],
  [
    'a bare ID column alone is not (an order table)',
    '<table><thead><tr><th>ID</th><th>Total</th></tr></thead><tbody><tr><td>42</td><td>9.99</td></tr></tbody></table>',
    [undefined, undefined],
  ],
  [
    'colspans are counted',
    '<table><thead><tr><th colspan="2">Order</th><th>Username</th></tr></thead><tbody><tr><td>A</td><td>1</td><td>alice</td></tr><tr><td colspan="3">subtotal</td></tr></tbody></table>',
    [undefined, { kind: 'user', name: 'alice', anchor: 'td.', position: 'before' }, undefined],
  ],
  ['a table without a header', '<table><tr><td>李四</td></tr></table>', [undefined]],
  [
    'footer rows are not users',
    '<table><thead><tr><th>User</th></tr></thead><tfoot><tr><td>Total</td></tr></tfoot></table>',
    [undefined, undefined],
  ],
])('%s', (_, markup, expected) => {
  expect(readAll(plainTableProfile, mountMarkup(markup)).map((row) => row.reading)).toEqual(expected);
});

test('Element UI tables are left to their own profile', () => {
  expect(readAll(plainTableProfile, mountFixture('element-table.html')).every((row) => row.reading === undefined)).toBe(
    true,
  );
});

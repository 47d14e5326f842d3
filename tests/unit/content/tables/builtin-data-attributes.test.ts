import { afterEach, describe, expect, test } from 'vitest';
import { dataAttributesProfile } from '../../../../utils/content/tables/builtin-data-attributes';
import { createHeaderLookup } from '../../../../utils/content/tables/table-headers';
import { mountFixture, mountMarkup } from '../../../fixtures/load';
import { readAll } from './read-rows';

afterEach(() => document.body.replaceChildren());

test('the demo sidebar: every chip names its user, the hostile one as plain data', () => {
  const rows = readAll(dataAttributesProfile, mountFixture('data-attributes.html'));
  expect(rows).toHaveLength(9);
  expect(rows[0]?.reading).toEqual({
    kind: 'user',
    id: '1',
    name: '章三',
    anchor: 'span.team-name',
    position: 'before',
  });
  expect(rows[6]?.reading).toMatchObject({ id: '13', name: '<img src=x onerror=alert(1)>' });
});

test.each([
  [
    'an id without a name',
    '<a href="/u/7" data-user-id="7">Bruno</a>',
    [{ kind: 'user', id: '7', anchor: 'a.', position: 'before' }],
  ],
  [
    'a table row gets its mark in the cell showing the name',
    '<table><tbody><tr data-user-id="2" data-user-name="李四"><td><input type="checkbox"></td><td>李四</td></tr></tbody></table>',
    [{ kind: 'user', id: '2', name: '李四', anchor: 'td.', position: 'before' }],
  ],
  [
    'only the outermost element that names a user',
    '<div data-user-id="3"><span data-user-id="3">王五</span></div>',
    [{ kind: 'user', id: '3', anchor: 'div.', position: 'before' }, undefined],
  ],
  [
    'not inside a list or table container',
    '<ul data-user-id="4"><li>x</li></ul><tbody data-user-id="5"></tbody>',
    [undefined],
  ],
  [
    'an image: the mark goes beside it',
    '<img data-user-id="6" alt="">',
    [{ kind: 'user', id: '6', anchor: 'img.', position: 'before' }],
  ],
])('%s', (_, markup, expected) => {
  expect(readAll(dataAttributesProfile, mountMarkup(markup)).map((row) => row.reading)).toEqual(expected);
});

describe("Element UI's fixed-column copies", () => {
  const bodies = (root: Element) => ({
    main: root.querySelector('.el-table__body-wrapper tbody')!,
    left: root.querySelector('.el-table__fixed tbody')!,
    right: root.querySelector('.el-table__fixed-right tbody')!,
  });
  const chipIn = (body: Element, id: string) => {
    const chip = document.createElement('span');
    chip.setAttribute('data-user-id', id);
    body.querySelector('td .cell')!.append(chip);
    return chip;
  };
  const rowsIn = (container: Element, headers = createHeaderLookup()) => [
    ...(dataAttributesProfile.rowsIn?.(container, headers) ?? []),
  ];

  test('are not searched when their main body holds no chip: it renders every cell they copy', () => {
    const { left, right } = bodies(mountFixture('element-table.html'));
    chipIn(left, '1'); // cannot happen with Element: shows that the copy is not even searched
    expect(rowsIn(left)).toEqual([]);
    expect(rowsIn(right)).toEqual([]);
  });

  test('are searched when the main body holds one', () => {
    const { main, left, right } = bodies(mountFixture('element-table.html'));
    const inMain = chipIn(main, '1');
    const inLeft = chipIn(left, '1');
    const headers = createHeaderLookup();
    expect(rowsIn(main, headers)).toEqual([inMain]);
    expect(rowsIn(left, headers)).toEqual([inLeft]);
    expect(rowsIn(right, headers)).toEqual([]);
  });

  test('any other container is searched as usual', () => {
    const root = mountFixture('data-attributes.html');
    expect(rowsIn(root)).toHaveLength(root.querySelectorAll('[data-user-id]').length);
  });
});

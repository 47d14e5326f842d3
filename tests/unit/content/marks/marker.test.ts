import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { createMarkRenderer, MARK_TAG, STATE_ATTRIBUTE } from '../../../../utils/content/marks/mark-element';
import type { DirectoryEntries } from '../../../../utils/core/presence/directory';
import type { UserId } from '../../../../utils/core/protocol/schemas';
import { dataAttributesProfile } from '../../../../utils/content/tables/builtin-data-attributes';
import { elementTableProfile } from '../../../../utils/content/tables/builtin-element-table';
import { plainTableProfile } from '../../../../utils/content/tables/builtin-plain-table';
import { Marker, type MarkRenderer } from '../../../../utils/content/marks/marker';
import type { PresenceView } from '../../../../utils/content/marks/presence-view';
import { mountFixture, mountMarkup } from '../../../fixtures/load';

const id = (value: string) => value as UserId;
const labels = { online: 'Online', offline: 'Offline', me: 'Online (you)', unknown: 'Unknown' };
const directory: DirectoryEntries = {
  [id('1')]: '章三',
  [id('2')]: '李四',
  [id('3')]: '王五',
  [id('4')]: 'Alice Martin',
};
const live = (...online: string[]): PresenceView => ({ online: new Set(online.map(id)), me: id('1'), live: true });

let visited: Element[];
let marker: Marker;
let learned: [UserId, string][];

beforeEach(() => {
  visited = [];
  learned = [];
  const base = createMarkRenderer(document, labels);
  const renderer: MarkRenderer = { ...base, update: (mark, state) => (visited.push(mark), base.update(mark, state)) };
  marker = new Marker(renderer, (user, name) => learned.push([user, name]));
  marker.setProfiles([elementTableProfile, plainTableProfile, dataAttributesProfile]);
  marker.repaint(live('1', '2'));
  marker.setNames(directory);
});

afterEach(() => document.body.replaceChildren());

const scanAll = (root: Element) => marker.scan([], [root]);
const marksIn = (root: Element) => [...root.querySelectorAll(MARK_TAG)];
const stateOfRow = (row: Element | null | undefined) => row?.querySelector(MARK_TAG)?.getAttribute(STATE_ATTRIBUTE);

function demoPage(): HTMLElement {
  const page = document.createElement('main');
  for (const name of ['element-table.html', 'plain-table.html', 'data-attributes.html'])
    page.append(mountFixture(name));
  document.body.append(page);
  return page;
}

describe('marking the demo page', () => {
  test('one mark per user row: 10 in the el-table (main body only), 6 in the plain table, 9 chips', () => {
    const page = demoPage();
    scanAll(page);
    expect(marksIn(page.querySelector('.el-table__body-wrapper')!)).toHaveLength(10);
    expect(page.querySelectorAll('.el-table__fixed ' + MARK_TAG + ', .el-table__fixed-right ' + MARK_TAG)).toHaveLength(
      0,
    );
    expect(marksIn(page.querySelector('.recent-table')!)).toHaveLength(6);
    expect(marksIn(page.querySelector('.team')!)).toHaveLength(9);
    expect(marker.size).toBe(25);
    for (const cell of page.querySelectorAll('.el-table__body-wrapper td.el-table_1_column_2 .cell')) {
      expect(cell.firstElementChild?.localName).toBe(MARK_TAG);
    }
  });

  test('states: me, online, offline', () => {
    const page = demoPage();
    scanAll(page);
    const rows = [...page.querySelectorAll('.el-table__body-wrapper tr')];
    expect(rows.slice(0, 4).map(stateOfRow)).toEqual(['me', 'online', 'offline', 'offline']);
  });

  test('ids and names read together are offered to the directory, once each', () => {
    scanAll(demoPage());
    const taught = new Map(learned);
    expect(taught.get(id('7'))).toBe('Bruno Silva');
    expect(taught.has(id('2'))).toBe(false); // the directory already knows
  });

  test('reading the page again changes nothing (idempotent)', async () => {
    const page = demoPage();
    scanAll(page);
    const before = marksIn(page);
    const writes: MutationRecord[] = [];
    const observer = new MutationObserver((records) => writes.push(...records));
    observer.observe(page, { subtree: true, childList: true, attributes: true });
    scanAll(page);
    scanAll(page);
    await Promise.resolve();
    observer.disconnect();
    expect(writes).toEqual([]);
    expect(marksIn(page)).toEqual(before);
  });
});

describe('keeping marks true', () => {
  test('a presence change visits only that user’s marks, in every table', () => {
    const page = demoPage();
    scanAll(page);
    visited = [];
    marker.presenceChanged(live('1', '2', '3'), [id('3')]);
    expect(visited).toHaveLength(3); // el-table, recent table, team chip
    expect(new Set(visited.map((mark) => mark.getAttribute(STATE_ATTRIBUTE)))).toEqual(new Set(['online']));
    expect(marker.stateOf(id('2'))).toBe('online');
  });

  test('the table re-rendered with other users (a page change): new marks, the old ones leave the index', () => {
    const page = demoPage();
    scanAll(page);
    const body = page.querySelector('.el-table__body-wrapper tbody')!;
    const old = [...body.children];
    const fresh = old.map((row, index) => {
      const copy = row.cloneNode(true) as Element;
      copy.querySelector(MARK_TAG)?.remove();
      copy.querySelector('.el-table_1_column_2 .user-name')!.textContent = `用户 ${index + 11}`;
      copy.querySelector('.el-table_1_column_3 .cell')!.textContent = String(index + 11);
      return copy;
    });
    body.replaceChildren(...fresh);
    marker.sweep();
    marker.scan(fresh);
    expect(marksIn(body)).toHaveLength(10);
    expect(marker.size).toBe(25);
    expect(marker.ownerOf(marksIn(body)[0]!)).toEqual({ userId: '11', shownName: '用户 11' });
  });

  test('a row the host reuses for another user gets that user’s mark, still only one', () => {
    const page = demoPage();
    scanAll(page);
    const row = page.querySelector('.el-table__body-wrapper tr')!;
    row.querySelector('.user-name')!.textContent = '李四';
    row.querySelector('.el-table_1_column_3 .cell')!.textContent = '2';
    marker.scan([row]);
    expect(marksIn(row)).toHaveLength(1);
    expect(marker.ownerOf(marksIn(row)[0]!)?.userId).toBe('2');
    expect(stateOfRow(row)).toBe('online');
  });

  test('a mark the host threw away (cell re-rendered) comes back', () => {
    const page = demoPage();
    scanAll(page);
    const row = page.querySelector('.recent-table tbody tr')!;
    const cell = row.querySelector('td')!;
    cell.textContent = '王五';
    marker.sweep();
    marker.scan([row]);
    expect(cell.firstElementChild?.localName).toBe(MARK_TAG);
    expect(marker.size).toBe(25);
  });

  test('rows the host took out and put back keep their marks, indexed again and up to date', () => {
    const page = demoPage();
    scanAll(page);
    const table = page.querySelector('.recent-table')!;
    const rowOf = (name: string) =>
      [...table.querySelectorAll('tbody tr')].find((row) => row.textContent.includes(name));
    expect(stateOfRow(rowOf('王五'))).toBe('offline');
    const parent = table.parentElement!;
    table.remove();
    marker.sweep();
    expect(marker.size).toBe(25 - 6);
    marker.presenceChanged(live('1', '2', '3'), [id('3')]);
    parent.append(table);
    marker.scan([], [table]);
    expect(marker.size).toBe(25);
    expect(stateOfRow(rowOf('王五'))).toBe('online');
    // Indexed again: the next change reaches them.
    marker.presenceChanged(live('1', '2'), [id('3')]);
    expect(stateOfRow(rowOf('王五'))).toBe('offline');
  });

  test('names unknown to the directory wait, and are marked once it learns them', () => {
    const table = mountMarkup(
      '<table><thead><tr><th>姓名</th></tr></thead><tbody><tr><td>赵六</td></tr><tr><td>Nobody</td></tr></tbody></table>',
    );
    scanAll(table);
    expect(marksIn(table)).toHaveLength(0);
    const again = marker.namesLearned({ [id('5')]: '赵六' });
    expect(again).toHaveLength(1);
    marker.scan(again);
    expect(marksIn(table)).toHaveLength(1);
    expect(marker.ownerOf(marksIn(table)[0]!)?.userId).toBe('5');
  });

  test('a chip inside a row that already has a mark is not marked again', () => {
    const table = mountMarkup(
      '<table><thead><tr><th>User</th></tr></thead><tbody><tr><td><span data-user-id="2" data-user-name="李四">李四</span></td></tr></tbody></table>',
    );
    scanAll(table);
    expect(marksIn(table)).toHaveLength(1);
  });

  test('connection lost: every mark says unknown; back: the real states', () => {
    const page = demoPage();
    scanAll(page);
    marker.repaint({ ...live('1', '2'), live: false });
    expect(new Set(marksIn(page).map((mark) => mark.getAttribute(STATE_ATTRIBUTE)))).toEqual(new Set(['unknown']));
    marker.repaint(live('1', '2'));
    expect(new Set(marksIn(page).map((mark) => mark.getAttribute(STATE_ATTRIBUTE)))).toEqual(
      new Set(['me', 'online', 'offline']),
    );
  });

  test('hostile names stay data: no element is created from them', () => {
    const page = demoPage();
    scanAll(page);
    expect(page.querySelectorAll('img')).toHaveLength(0);
    const chip = page.querySelector('[data-user-id="13"]')!;
    expect(marker.ownerOf(chip.querySelector(MARK_TAG)!)).toEqual({
      userId: '13',
      shownName: '<img src=x onerror=alert(1)>',
    });
  });

  test('clear removes every mark it made', () => {
    const page = demoPage();
    scanAll(page);
    marker.clear();
    expect(marksIn(page)).toHaveLength(0);
    expect(marker.size).toBe(0);
  });
});

describe('a row a profile enumerates but cannot read', () => {
  // The demo shell's quick list: the plain-table profile finds it by its "User" header but cannot
  // place the user column's cells; each row carries data-user-id, which the next profile reads.
  const quickList = () =>
    mountMarkup(
      '<table><thead><tr><th>用户 User</th><th>部门 Department</th></tr></thead><tbody>' +
        '<tr data-user-id="1"><td>章三</td><td>R&amp;D</td></tr><tr data-user-id="2"><td>李四</td><td>R&amp;D</td></tr></tbody></table>',
    );

  test.each([
    ['read whole (the table was there at the first look)', (table: Element) => scanAll(table)],
    ['read row by row (added later)', (table: Element) => marker.scan([...table.querySelectorAll('tbody tr')])],
  ])('is marked by the next profile that can: %s', (_, scan) => {
    const table = quickList();
    scan(table);
    expect([...table.querySelectorAll('tbody tr')].map(stateOfRow)).toEqual(['me', 'online']);
  });
});

import { describe, expect, test } from 'vitest';
import { Directory, MAX_NAMES_PER_SOURCE } from '../../../../utils/core/presence/directory';
import { readDirectoryList } from '../../../../utils/background/service/directory-fetch';
import type { UserId } from '../../../../utils/core/protocol/schemas';

const entry = (id: string, name: string) => [id as UserId, name] as const;

describe('Directory', () => {
  test('the host user list beats the server, which beats host tables', () => {
    const directory = new Directory();
    expect(directory.learn('page', [entry('1', 'from page')])).toEqual({ 1: 'from page' });
    expect(directory.learn('server', [entry('1', 'from server')])).toEqual({ 1: 'from server' });
    expect(directory.learn('directory', [entry('1', 'from directory')])).toEqual({ 1: 'from directory' });
    expect(directory.learn('page', [entry('1', 'page again')])).toEqual({});
    expect(directory.name('1' as UserId)).toBe('from directory');
  });

  test('replacing one source keeps the others as fallback', () => {
    const directory = new Directory();
    directory.learn('server', [entry('1', 'Server Name')]);
    directory.replace('directory', [entry('1', 'Dir Name'), entry('2', 'Two')]);
    expect(directory.replace('directory', [entry('2', 'Two')])).toEqual({ 1: 'Server Name' });
    expect(directory.entries()).toEqual({ 1: 'Server Name', 2: 'Two' });
  });

  test('state round-trips through the session mirror', () => {
    const directory = new Directory();
    directory.learn('page', [entry('3', '王五')]);
    directory.learn('directory', [entry('1', '章三')]);
    expect(new Directory(directory.state()).entries()).toEqual({ 1: '章三', 3: '王五' });
  });

  test('a host page cannot flood it', () => {
    const directory = new Directory();
    const flood = Array.from({ length: 30_000 }, (_, index) => entry(String(index), `n${index}`));
    directory.learn('page', flood);
    expect(Object.keys(directory.entries())).toHaveLength(20_000);
  });
});

describe('readDirectoryList', () => {
  const fields = { idField: 'id', nameField: 'name' };

  test('reads ids (numbers too) and names, skipping unusable items', () => {
    const json = [
      { id: 1, name: ' 章三 ' },
      { id: '2', name: 'Bob' },
      { id: '', name: 'x' },
      { name: 'no id' },
      { id: 3 },
      null,
      'x',
    ];
    expect(readDirectoryList(json, fields)).toEqual({
      entries: [
        ['1', '章三'],
        ['2', 'Bob'],
      ],
      skipped: 5,
      beyond: 0,
    });
  });

  test('reads as many users as the directory keeps, and says how many entries it left', () => {
    const json = Array.from({ length: 30_000 }, (_, index) => ({ id: index, name: `n${index}` }));
    const list = readDirectoryList([{ id: '' }, ...json], fields);
    expect(list.entries).toHaveLength(MAX_NAMES_PER_SOURCE);
    expect(list).toMatchObject({ skipped: 1, beyond: 30_000 - MAX_NAMES_PER_SOURCE });
    const directory = new Directory();
    directory.replace('directory', list.entries);
    expect(Object.keys(directory.entries())).toHaveLength(list.entries.length);
  });

  test.each([['constructor'], ['toString'], ['__proto__']])(
    'a field named %s is read from the item itself, never its prototype',
    (field) => {
      const json = JSON.parse(`[{"${field}": "7", "name": "Seven"}, {"name": "no id"}]`) as unknown;
      expect(readDirectoryList(json, { idField: field, nameField: 'name' })).toEqual({
        entries: [['7', 'Seven']],
        skipped: 1,
        beyond: 0,
      });
    },
  );

  test('field names are configurable', () => {
    expect(readDirectoryList([{ uid: 'a', display: 'A' }], { idField: 'uid', nameField: 'display' }).entries).toEqual([
      ['a', 'A'],
    ]);
  });

  test.each([[{ users: [] }], ['[]'], [null]])('refuses %j: not a list', (json) => {
    expect(() => readDirectoryList(json, fields)).toThrow(
      expect.objectContaining({ name: 'DirectoryError', code: 'not-a-list' }),
    );
  });
});

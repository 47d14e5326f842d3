import { describe, expect, test } from 'vitest';
import { Directory } from '../../../utils/presence/directory';
import { readDirectoryList } from '../../../utils/presence/directory-fetch';
import type { UserId } from '../../../utils/protocol/schemas';

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
    const json = [{ id: 1, name: ' 章三 ' }, { id: '2', name: 'Bob' }, { id: '', name: 'x' }, { name: 'no id' }, { id: 3 }, null, 'x'];
    expect(readDirectoryList(json, fields)).toEqual({ entries: [['1', '章三'], ['2', 'Bob']], skipped: 5 });
  });

  test('field names are configurable', () => {
    expect(readDirectoryList([{ uid: 'a', display: 'A' }], { idField: 'uid', nameField: 'display' }).entries).toEqual([['a', 'A']]);
  });

  test.each([[{ users: [] }], ['[]'], [null]])('refuses %j: not a list', (json) => {
    expect(() => readDirectoryList(json, fields)).toThrow(expect.objectContaining({ name: 'DirectoryError', code: 'not-a-list' }));
  });
});

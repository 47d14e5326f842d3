import { describe, expect, test } from 'vitest';
import { firstPath, readPath } from '../../../../utils/core/identity/json-path';

const answer = JSON.parse(
  '{"code":20000,"data":{"id":1,"user":{"userId":"7","tags":["a",{"id":9}]},"zero":0,"no":false,"nil":null,"empty":""}}',
) as unknown;

describe('readPath follows own properties and array indexes', () => {
  test.each<[string, unknown]>([
    ['code', 20000],
    ['data.id', 1],
    ['data.user.userId', '7'],
    ['data.user.tags.0', 'a'],
    ['data.user.tags.1.id', 9],
    // Falsy values are found, not mistaken for "missing".
    ['data.zero', 0],
    ['data.no', false],
    ['data.nil', null],
    ['data.empty', ''],
    // Missing steps.
    ['data.missing', undefined],
    ['data.id.more', undefined],
    ['data.nil.id', undefined],
    ['data.user.tags.2', undefined],
    ['data.user.tags.-1', undefined],
    ['data.user.tags.01', undefined],
    ['data.user.tags.1e0', undefined],
    ['data.user.tags. 1', undefined],
    ['data.user.tags.0x1', undefined],
    ['data.user.tags.1.0', undefined],
    ['data.user.tags.length', undefined],
    ['data.user.userId.length', undefined],
    ['data.user.userId.0', undefined],
    ['Data.id', undefined],
  ])('%s → %j', (path, expected) => {
    expect(readPath(answer, path)).toEqual(expected);
  });
});

describe('prototype members are never found', () => {
  const plain = JSON.parse('{"user":{"id":1},"list":[1]}') as unknown;
  test.each([
    '__proto__',
    '__proto__.constructor',
    'constructor',
    'constructor.name',
    'constructor.prototype',
    'toString',
    'hasOwnProperty',
    'valueOf',
    'isPrototypeOf',
    '__defineGetter__',
    'user.constructor',
    'user.__proto__',
    'user.toString',
    'user.hasOwnProperty',
    'list.constructor',
    'list.__proto__',
    'list.map',
    'list.push',
  ])('%s', (path) => {
    expect(readPath(plain, path)).toBeUndefined();
  });

  test('a prototype-free object still has its own keys', () => {
    const bare = Object.assign(Object.create(null) as Record<string, unknown>, { id: 5 });
    expect(readPath({ user: bare }, 'user.id')).toBe(5);
    expect(readPath({ user: bare }, 'user.toString')).toBeUndefined();
  });

  test('own data keys named like prototype members are the host’s data, and read as such', () => {
    // JSON.parse makes `__proto__` an own property: it is data, and reading it changes nothing.
    const hostile = JSON.parse('{"__proto__":{"id":1},"constructor":{"name":"x"}}') as unknown;
    expect(readPath(hostile, '__proto__.id')).toBe(1);
    expect(readPath(hostile, 'constructor.name')).toBe('x');
    expect(({} as Record<string, unknown>).id).toBeUndefined();
  });
});

describe('what cannot be followed', () => {
  test.each<[string, unknown, string]>([
    ['undefined', undefined, 'id'],
    ['null', null, 'id'],
    ['a number', 42, 'id'],
    ['a string', 'token', 'length'],
    ['a string by index', 'token', '0'],
    ['a boolean', true, 'id'],
    ['a function', Object.assign(() => 1, { id: 1 }), 'id'],
  ])('%s', (_, json, path) => {
    expect(readPath(json, path)).toBeUndefined();
  });
});

describe('empty segments find nothing, even when the host has an empty key', () => {
  const withEmptyKeys = JSON.parse('{"":{"":1,"id":2},"data":{"":{"id":3},"id":4},"list":[5]}') as unknown;
  test.each(['', '.', '.id', 'data.', 'data..id', '..', 'list.', '.data.id'])('%j', (path) => {
    expect(readPath(withEmptyKeys, path)).toBeUndefined();
  });
  test('the same document still answers proper paths', () => {
    expect(readPath(withEmptyKeys, 'data.id')).toBe(4);
    expect(readPath(withEmptyKeys, 'list.0')).toBe(5);
  });
});

describe('firstPath', () => {
  const isNumber = (value: unknown) => (typeof value === 'number' ? value : undefined);
  test.each<[string, readonly string[], { path: string; value: number } | undefined]>([
    ['the first path that checks out', ['data.id', 'code'], { path: 'data.id', value: 1 }],
    ['skips paths that lead nowhere', ['nope', 'data.user.tags.1.id'], { path: 'data.user.tags.1.id', value: 9 }],
    ['skips what the check refuses', ['data.user.userId', 'code'], { path: 'code', value: 20000 }],
    ['a found 0 is found', ['data.zero'], { path: 'data.zero', value: 0 }],
    ['nothing', ['data.nil', 'toString', '__proto__'], undefined],
    ['no paths', [], undefined],
  ])('%s', (_, paths, expected) => {
    expect(firstPath(answer, paths, isNumber)).toEqual(expected);
  });
});

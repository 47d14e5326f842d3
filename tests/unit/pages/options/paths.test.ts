import { describe, expect, test } from 'vitest';
import { jsonEqual, type Json } from '../../../../utils/pages/options/json';
import { getPath, isWithinPath, listAt, moveItem, setPath } from '../../../../utils/pages/options/paths';

const value = {
  serverUrl: 'ws://a/ws',
  auth: { cookieName: 'T' },
  sites: { profiles: [{ rows: 'tr', id: { from: 'cell', header: 'ID' } }, { rows: 'li' }] },
};

describe('getPath', () => {
  test.each([
    ['serverUrl', 'ws://a/ws'],
    ['auth.cookieName', 'T'],
    ['sites.profiles.0.id.header', 'ID'],
    ['sites.profiles.1.rows', 'li'],
    ['sites.profiles.2.rows', undefined],
    ['auth.missing.deeper', undefined],
    ['', value],
    ['constructor', undefined],
    ['auth.__proto__', undefined],
    ['auth.toString', undefined],
  ])('%s', (path, expected) => {
    expect(getPath(value, path)).toEqual(expected);
  });
});

describe('setPath', () => {
  test.each([
    ['sets a top-level field', 'serverUrl', 'wss://b/ws', { ...value, serverUrl: 'wss://b/ws' }],
    ['sets a nested field', 'auth.cookieName', 'X', { ...value, auth: { cookieName: 'X' } }],
    ['creates missing objects', 'identity.userId', '7', { ...value, identity: { userId: '7' } }],
    ['removes an optional key when the value is undefined', 'auth.cookieName', undefined, { ...value, auth: {} }],
    [
      'sets inside a list item',
      'sites.profiles.1.rows',
      'ul > li',
      { ...value, sites: { profiles: [value.sites.profiles[0], { rows: 'ul > li' }] } },
    ],
    ['removes a list item', 'sites.profiles.0', undefined, { ...value, sites: { profiles: [{ rows: 'li' }] } }],
    [
      'appends a list item',
      'sites.profiles.2',
      { rows: 'p' },
      { ...value, sites: { profiles: [...value.sites.profiles, { rows: 'p' }] } },
    ],
  ])('%s', (_, path, next, expected) => {
    const before = JSON.stringify(value);
    expect(jsonEqual(setPath(value as Json, path, next as Json | undefined), expected)).toBe(true);
    // Never in place: the form keeps the old value to compare with.
    expect(JSON.stringify(value)).toBe(before);
  });
});

test.each([
  [0, 1, ['li', 'tr']],
  [1, 0, ['li', 'tr']],
  [0, 0, ['tr', 'li']],
  [0, 5, ['tr', 'li']],
  [-1, 0, ['tr', 'li']],
])('moveItem %i → %i', (from, to, rows) => {
  const moved = moveItem(value as Json, 'sites.profiles', from, to);
  expect(listAt(moved, 'sites.profiles').map((profile) => getPath(profile, 'rows'))).toEqual(rows);
});

test.each([
  ['sites.profiles.0.rows', 'sites.profiles', true],
  ['sites.profiles', 'sites.profiles', true],
  ['sites.profilesX', 'sites.profiles', false],
  ['sites', 'sites.profiles', false],
  ['serverUrl', 'server', false],
])('isWithinPath(%s, %s) = %s', (path, prefix, expected) => {
  expect(isWithinPath(path, prefix)).toBe(expected);
});

test.each([
  [{ a: 1, b: [1, { c: 2 }] }, { b: [1, { c: 2 }], a: 1 }, true],
  [{ a: 1 }, { a: 1, b: undefined }, true],
  [{ a: [1, 2] }, { a: [2, 1] }, false],
  [{ a: '1' }, { a: 1 }, false],
  [[], {}, false],
  [null, null, true],
  [{ a: { b: 1 } }, { a: { b: 1, c: 0 } }, false],
])('jsonEqual %j %j = %s', (a, b, expected) => {
  expect(jsonEqual(a, b)).toBe(expected);
});

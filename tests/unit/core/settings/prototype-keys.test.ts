import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { leafPaths, mergeSettings, prototypeKeyPaths, withoutPath } from '../../../../utils/core/settings/merge';
import { resolveSettings } from '../../../../utils/extension/settings-storage';
import { defaultSettings } from '../../../../utils/core/settings/validate';

/** A policy as `storage.managed` hands it over: parsed JSON, where `__proto__` is an own key. */
const policy = (json: string): unknown => JSON.parse(json);
const EVIL = 'wss://evil.example/ws';

describe('prototype keys in a policy are refused, and reported', () => {
  test.each([
    ['__proto__ at the top', `{"__proto__": {"serverUrl": "${EVIL}"}}`, ['__proto__']],
    [
      '__proto__ in a section',
      `{"connection": {"__proto__": {"maxFrameKiB": 1}}, "auth": {"cookieName": "SID"}}`,
      ['connection.__proto__'],
    ],
    ['constructor.prototype', `{"constructor": {"prototype": {"serverUrl": "${EVIL}"}}}`, ['constructor']],
    ['prototype', `{"prototype": {"serverUrl": "${EVIL}"}}`, ['prototype']],
  ])('%s', (_, json, fields) => {
    const { settings, locked, policyIssues } = resolveSettings({}, policy(json));
    expect(settings.serverUrl).toBe(defaultSettings().serverUrl);
    expect(settings.connection.maxFrameKiB).toBe(defaultSettings().connection.maxFrameKiB);
    expect(locked.filter((path) => path !== 'auth.cookieName')).toEqual([]);
    expect(policyIssues).toEqual(fields.map((field) => ({ field, message: 'is not a known setting' })));
  });

  test('the rest of that policy still applies and is locked', () => {
    const { settings, locked } = resolveSettings(
      {},
      policy(`{"__proto__": {"serverUrl": "${EVIL}"}, "auth": {"cookieName": "SID"}}`),
    );
    expect(settings.auth.cookieName).toBe('SID');
    expect(locked).toEqual(['auth.cookieName']);
  });

  test('saved settings with such a key do not apply it either', () => {
    expect(resolveSettings(policy(`{"__proto__": {"serverUrl": "${EVIL}"}}`), {}).settings.serverUrl).toBe(
      defaultSettings().serverUrl,
    );
  });

  test.each([['__proto__'], ['constructor'], ['toString']])(
    'removing a field named %s that is not there leaves the value alone',
    (key) => {
      const value = { serverUrl: 'x' };
      expect(withoutPath(value, `${key}.serverUrl`)).toBe(value);
    },
  );
});

describe('properties of the merge', () => {
  const key = fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'serverUrl', 'auth', 'a');
  const tree = fc.letrec((tie) => ({
    node: fc.oneof({ depthSize: 'small' }, fc.string(), fc.integer(), fc.dictionary(key, tie('node'), { maxKeys: 4 })),
  })).node;
  /** Whatever the trees hold, as JSON brings them: prototype keys are own keys there. */
  const json = tree.map((value) => JSON.parse(JSON.stringify(value)) as unknown);

  const prototypesOf = (value: unknown): unknown[] =>
    typeof value === 'object' && value !== null && !Array.isArray(value)
      ? [Object.getPrototypeOf(value), ...Object.values(value).flatMap(prototypesOf)]
      : [];

  test('no merge ever yields an object with another prototype, or a prototype key, or a path through one', () => {
    fc.assert(
      fc.property(json, json, (base, over) => {
        const merged = mergeSettings(base, over);
        expect(new Set(prototypesOf(merged))).toEqual(new Set(prototypesOf(merged).length ? [Object.prototype] : []));
        expect(prototypeKeyPaths(merged)).toEqual([]);
        for (const path of leafPaths(over))
          expect(path.split('.').some((part) => ['__proto__', 'constructor', 'prototype'].includes(part))).toBe(false);
      }),
    );
  });
});

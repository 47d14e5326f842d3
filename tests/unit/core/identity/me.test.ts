import { describe, expect, test } from 'vitest';
import { readJwtClaims } from '../../../../utils/core/identity/jwt';
import { chooseMe, readJwtIdentity, type IdentityReadings } from '../../../../utils/core/identity/me';
import type { UserId } from '../../../../utils/core/protocol/schemas';
import type { IdentitySettings } from '../../../../utils/core/settings/schema';
import { defaultSettings } from '../../../../utils/core/settings/validate';

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const jwt = (claims: unknown) => `${base64url({ alg: 'HS256', typ: 'JWT' })}.${base64url(claims)}.c2lnbmF0dXJl`;
const identity = defaultSettings().identity;
/** What the background resolves from the token alone. */
const resolveMe = (token: string | undefined, settings: IdentitySettings) => {
  const jwtReading = readJwtIdentity(token, settings);
  return chooseMe(jwtReading ? { jwt: jwtReading } : {}, settings);
};
const named = (id: string, name = '') => ({ id: id as UserId, name });

describe('readJwtClaims', () => {
  test.each([
    ['a JWT', jwt({ sub: '7', name: '李四' }), { sub: '7', name: '李四' }],
    ['not three parts', 'opaque-session-token', undefined],
    ['a payload that is not base64', 'a.%%%.c', undefined],
    ['a payload that is not JSON', `a.${Buffer.from('nope').toString('base64url')}.c`, undefined],
    ['a payload that is an array', `a.${base64url([1])}.c`, undefined],
    ['invalid UTF-8', `a.${Buffer.from([0xff, 0xfe]).toString('base64url')}.c`, undefined],
  ])('%s', (_, token, claims) => {
    expect(readJwtClaims(token)).toEqual(claims);
  });
});

describe('the token alone', () => {
  test.each([
    ['sub and name', { sub: '7', name: '李四' }, { id: '7', name: '李四', source: 'jwt' }],
    ['numeric userId', { userId: 42, unique_name: 'Alice' }, { id: '42', name: 'Alice', source: 'jwt' }],
    [
      'first configured claim wins',
      { sub: '1', userId: '2', name: 'A', userName: 'B' },
      { id: '1', name: 'A', source: 'jwt' },
    ],
    [
      'blank names are skipped',
      { sub: '1', name: '  ', preferred_username: 'alice' },
      { id: '1', name: 'alice', source: 'jwt' },
    ],
    ['no name claim', { sub: '1' }, { id: '1', name: '', source: 'jwt' }],
  ])('from JWT claims: %s', (_, claims, me) => {
    expect(resolveMe(jwt(claims), identity)).toEqual(me);
  });

  test('configurable claim names', () => {
    const custom = { ...identity, idClaims: ['employee_no'], nameClaims: ['display'] };
    expect(resolveMe(jwt({ sub: 'x', employee_no: 'E9', display: 'Zoe' }), custom)).toEqual({
      id: 'E9',
      name: 'Zoe',
      source: 'jwt',
    });
  });

  test.each([
    ['an opaque token', 'opaque'],
    ['a JWT without an id claim', jwt({ name: 'nobody' })],
    ['no token at all', undefined],
  ])('falls back to the settings for %s', (_, token) => {
    const manual = { ...identity, userId: '5', userName: 'Eve' };
    expect(resolveMe(token, manual)).toEqual({ id: '5', name: 'Eve', source: 'settings' });
    expect(resolveMe(token, identity)).toBeUndefined();
  });

  test('manual mode ignores the token', () => {
    expect(resolveMe(jwt({ sub: '7' }), { ...identity, mode: 'manual', userId: '5', userName: 'Eve' })).toEqual({
      id: '5',
      name: 'Eve',
      source: 'settings',
    });
  });
});

describe('chooseMe: the documented order', () => {
  const all: IdentityReadings = {
    jwt: named('1', 'JWT'),
    url: named('2', 'URL'),
    page: { ...named('3', 'Page'), spot: 'localStorage' },
    learned: named('5'),
  };
  const typed = { ...identity, userId: '4', userName: 'Typed' };
  test.each([
    ['every source: the token wins', all, typed, { id: '1', name: 'JWT', source: 'jwt' }],
    ['no JWT: the "who am I" address', { ...all, jwt: undefined }, typed, { id: '2', name: 'URL', source: 'url' }],
    [
      'then the page',
      { page: all.page, learned: all.learned },
      typed,
      { id: '3', name: 'Page', source: 'page', spot: 'localStorage' },
    ],
    [
      'then the typed ID: a configured source beats what was learned',
      { learned: all.learned },
      typed,
      { id: '4', name: 'Typed', source: 'settings' },
    ],
    [
      'learned only when nothing is configured',
      { learned: all.learned },
      identity,
      { id: '5', name: '', source: 'learned' },
    ],
    ['learning switched off', { learned: all.learned }, { ...identity, learn: false }, undefined],
    [
      'manual mode: only the typed ID',
      all,
      { ...typed, mode: 'manual' as const },
      { id: '4', name: 'Typed', source: 'settings' },
    ],
    ['manual mode without an ID: nobody', all, { ...identity, mode: 'manual' as const }, undefined],
    [
      'a nameless source borrows the typed name of the same ID',
      { url: named('4') },
      typed,
      { id: '4', name: 'Typed', source: 'url' },
    ],
    ['but never the typed name of another ID', { url: named('9') }, typed, { id: '9', name: '', source: 'url' }],
  ] as const)('%s', (_, readings, settings, me) => {
    expect(chooseMe(readings, settings)).toEqual(me);
  });
});

describe('readJwtIdentity ignores inherited claim names', () => {
  test.each(['constructor', 'toString', '__proto__'])('%s', (claim) => {
    expect(readJwtIdentity(jwt({ name: 'x' }), { idClaims: [claim], nameClaims: ['name'] })).toBeUndefined();
  });
});

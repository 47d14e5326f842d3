import { describe, expect, test } from 'vitest';
import { readJwtClaims } from '../../../utils/identity/jwt';
import { resolveMe } from '../../../utils/identity/me';
import { defaultSettings } from '../../../utils/settings/validate';

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const jwt = (claims: unknown) => `${base64url({ alg: 'HS256', typ: 'JWT' })}.${base64url(claims)}.c2lnbmF0dXJl`;
const identity = defaultSettings().identity;

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

describe('resolveMe', () => {
  test.each([
    ['sub and name', { sub: '7', name: '李四' }, { id: '7', name: '李四', source: 'jwt' }],
    ['numeric userId', { userId: 42, unique_name: 'Alice' }, { id: '42', name: 'Alice', source: 'jwt' }],
    ['first configured claim wins', { sub: '1', userId: '2', name: 'A', userName: 'B' }, { id: '1', name: 'A', source: 'jwt' }],
    ['blank names are skipped', { sub: '1', name: '  ', preferred_username: 'alice' }, { id: '1', name: 'alice', source: 'jwt' }],
    ['no name claim', { sub: '1' }, { id: '1', name: '', source: 'jwt' }],
  ])('from JWT claims: %s', (_, claims, me) => {
    expect(resolveMe(jwt(claims), identity)).toEqual(me);
  });

  test('configurable claim names', () => {
    const custom = { ...identity, idClaims: ['employee_no'], nameClaims: ['display'] };
    expect(resolveMe(jwt({ sub: 'x', employee_no: 'E9', display: 'Zoe' }), custom)).toEqual({ id: 'E9', name: 'Zoe', source: 'jwt' });
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
    expect(resolveMe(jwt({ sub: '7' }), { ...identity, mode: 'manual', userId: '5', userName: 'Eve' })).toEqual({ id: '5', name: 'Eve', source: 'settings' });
  });
});

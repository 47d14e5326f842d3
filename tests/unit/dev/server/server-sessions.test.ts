// @vitest-environment node
import { describe, expect, test } from 'vitest';
import { createOpaqueSessions, MAX_SESSIONS, newSessionToken } from '../../../../dev/server/opaque-sessions';
import { createTokenStore } from '../../../../dev/server/tokens';
import type { UserRecord } from '../../../../dev/server/types';
import { createUserTable } from '../../../../dev/server/users';

const ann: UserRecord = { id: '1', name: 'Ann', token: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig-ann' };
const bob: UserRecord = { id: '2', name: 'Bob', token: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIyIn0.sig-bob' };
const table = createUserTable([ann, bob]);

describe('session tokens', () => {
  test('are 43 base64url characters of fresh randomness, with no JWT structure', () => {
    const tokens = new Set(Array.from({ length: 200 }, () => newSessionToken()));
    expect(tokens.size).toBe(200);
    for (const token of tokens) {
      expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    }
  });
});

describe('token stores', () => {
  test('jwt: the fixed tokens, which logout cannot revoke', () => {
    const store = createTokenStore('jwt', table);
    expect(store.issue(ann)).toBe(ann.token);
    expect(store.userOf(ann.token)).toBe(ann);
    expect(store.revoke(ann.token)).toBeUndefined();
    expect(store.userOf(ann.token)).toBe(ann);
  });

  test('opaque: sessions it minted, until revoked; the fixed tokens never', () => {
    const store = createTokenStore('opaque', table);
    const first = store.issue(ann);
    const second = store.issue(ann);
    const bobs = store.issue(bob);
    expect([store.userOf(first), store.userOf(second), store.userOf(bobs)]).toEqual([ann, ann, bob]);
    expect(store.userOf(ann.token)).toBeUndefined();
    expect(store.revoke(first)).toBe(ann);
    expect(store.userOf(first)).toBeUndefined();
    expect(store.userOf(second)).toBe(ann);
    expect(store.revoke(first)).toBeUndefined();
  });

  test.each([
    ['jwt', null],
    ['jwt', ''],
    ['opaque', null],
    ['opaque', ''],
    ['opaque', undefined],
  ] as const)('%s: %j signs nobody in', (mode, token) => {
    expect(createTokenStore(mode, table).userOf(token)).toBeUndefined();
  });

  test('opaque: the oldest session goes when the store is full', () => {
    const store = createOpaqueSessions();
    const oldest = store.issue(ann);
    const next = store.issue(bob);
    for (let index = 2; index < MAX_SESSIONS; index++) store.issue(ann);
    expect(store.userOf(oldest)).toBe(ann);
    const newest = store.issue(bob);
    expect(store.userOf(oldest)).toBeUndefined();
    expect(store.userOf(next)).toBe(bob);
    expect(store.userOf(newest)).toBe(bob);
  });
});

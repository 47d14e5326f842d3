import { beforeEach, describe, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { learnedIdentityStore } from '../../../../utils/background/identity/learned-identity-store';
import type { NamedId } from '../../../../utils/core/identity/identity-json';
import { hashToken } from '../../../../utils/background/identity/token-hash';
import type { UserId } from '../../../../utils/core/protocol/schemas';

/** Where the store keeps its list in `storage.local`. */
const KEY = 'identity-learned-v1';

const user = (id: string, name = ''): NamedId => ({ id: id as UserId, name });
const hash = (n: number) => n.toString(16).padStart(32, '0');
const stored = async () => (await fakeBrowser.storage.local.get(KEY))[KEY];
const store = (value: unknown) => fakeBrowser.storage.local.set({ [KEY]: value });

beforeEach(() => {
  fakeBrowser.reset();
});

describe('round trip', () => {
  test('what is set for a sign-in is got back for it, and for no other', async () => {
    const token = await hashToken('opaque-session-token');
    await learnedIdentityStore.set(token, user('7', '李四'));
    expect(await learnedIdentityStore.get(token)).toEqual(user('7', '李四'));
    expect(await learnedIdentityStore.get(await hashToken('another-token'))).toBeUndefined();
  });

  test('nothing learned yet', async () => {
    expect(await learnedIdentityStore.get(hash(1))).toBeUndefined();
  });

  test('a sign-in learned again is replaced, not doubled', async () => {
    await learnedIdentityStore.set(hash(1), user('7'));
    await learnedIdentityStore.set(hash(1), user('8', 'eight'));
    expect(await learnedIdentityStore.get(hash(1))).toEqual(user('8', 'eight'));
    expect(await stored()).toHaveLength(1);
  });

  test.each([['__proto__'], ['constructor'], ['<img src=x onerror=alert(1)>'], ['x'.repeat(128)]])(
    'the id %s is kept as data',
    async (id) => {
      await learnedIdentityStore.set(hash(1), user(id, id.slice(0, 200)));
      expect(await learnedIdentityStore.get(hash(1))).toEqual(user(id, id.slice(0, 200)));
    },
  );
});

describe('only the 10 newest are kept', () => {
  test('the oldest goes first', async () => {
    for (let n = 1; n <= 11; n += 1) await learnedIdentityStore.set(hash(n), user(String(n)));
    expect(await learnedIdentityStore.get(hash(1))).toBeUndefined();
    for (let n = 2; n <= 11; n += 1) expect(await learnedIdentityStore.get(hash(n))).toEqual(user(String(n)));
    expect(await stored()).toHaveLength(10);
  });

  test('learning a sign-in again makes it the newest', async () => {
    for (let n = 1; n <= 10; n += 1) await learnedIdentityStore.set(hash(n), user(String(n)));
    await learnedIdentityStore.set(hash(1), user('1'));
    await learnedIdentityStore.set(hash(11), user('11'));
    expect(await learnedIdentityStore.get(hash(1))).toEqual(user('1'));
    expect(await learnedIdentityStore.get(hash(2))).toBeUndefined();
  });
});

describe('what is stored', () => {
  test('only the 32-hex hash, the id and the name', async () => {
    await learnedIdentityStore.set(hash(1), { ...user('7', '李四'), token: 'opaque-session-token' } as NamedId);
    expect(await stored()).toEqual([{ hash: hash(1), id: '7', name: '李四' }]);
  });

  test.each([
    ['a token', 'opaque-session-token'],
    ['a JWT', 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiI3In0.c2ln'],
    ['a whole SHA-256', 'a'.repeat(64)],
    ['upper-case hex', 'A'.repeat(32)],
    ['31 hex digits', 'a'.repeat(31)],
    ['a hash with a newline after it', `${'a'.repeat(32)}\n`],
    ['empty', ''],
  ])('%s is never stored as a key, and what was stored survives', async (_, notAHash) => {
    await learnedIdentityStore.set(hash(1), user('1'));
    await expect(learnedIdentityStore.set(notAHash, user('7'))).rejects.toThrow();
    expect(await stored()).toEqual([{ hash: hash(1), id: '1', name: '' }]);
    expect(await learnedIdentityStore.get(hash(1))).toEqual(user('1'));
  });

  test('refusing a token does not repeat it (the error is logged)', async () => {
    const error = await learnedIdentityStore.set('opaque-session-token', user('7')).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Error);
    expect(String(error)).not.toContain('opaque-session-token');
    expect(JSON.stringify(error)).not.toContain('opaque-session-token');
  });

  test.each([
    ['an id too long to be one', user('x'.repeat(129))],
    ['a blank id', user('  ')],
    ['a name over 200 characters', user('7', 'x'.repeat(201))],
  ])('%s is refused, and does not spoil what was learned before', async (_, bad) => {
    await learnedIdentityStore.set(hash(1), user('1'));
    await expect(learnedIdentityStore.set(hash(2), bad)).rejects.toThrow();
    expect(await learnedIdentityStore.get(hash(1))).toEqual(user('1'));
  });
});

describe('corrupted contents read as nothing learned, and are overwritten on the next set', () => {
  test.each<[string, unknown]>([
    ['a string', 'garbage'],
    ['a number', 42],
    ['null', null],
    ['an object', { [hash(1)]: { id: '1' } }],
    ['an array of strings', [hash(1)]],
    ['an entry without an id', [{ hash: hash(1), name: 'x' }]],
    ['an entry with a float id', [{ hash: hash(1), id: 1.5, name: '' }]],
    ['an entry with an object id', [{ hash: hash(1), id: { toString: 1 }, name: '' }]],
    ['an entry with a name too long', [{ hash: hash(1), id: '1', name: 'x'.repeat(201) }]],
    ['a token where the hash goes', [{ hash: 'opaque-session-token', id: '1', name: '' }]],
    [
      'a good entry beside a token-looking one',
      [
        { hash: hash(1), id: '1', name: '' },
        { hash: 'eyJhbGciOiJIUzI1NiJ9.e30.c2ln', id: '2', name: '' },
      ],
    ],
  ])('%s', async (_, garbage) => {
    await store(garbage);
    expect(await learnedIdentityStore.get(hash(1))).toBeUndefined();
    expect(await learnedIdentityStore.get('opaque-session-token')).toBeUndefined();
    await learnedIdentityStore.set(hash(2), user('2'));
    expect(await stored()).toEqual([{ hash: hash(2), id: '2', name: '' }]);
    expect(await learnedIdentityStore.get(hash(2))).toEqual(user('2'));
  });

  test('a numeric id stored by hand reads as the string id', async () => {
    await store([{ hash: hash(1), id: 7, name: '' }]);
    expect(await learnedIdentityStore.get(hash(1))).toEqual(user('7'));
  });
});

import { describe, expect, test } from 'vitest';
import { ownValue } from '../../../../utils/core/presence/id-table';
import type { UserId } from '../../../../utils/core/protocol/schemas';
import { readStoredMirror } from '../../../../utils/background/service/stored-mirror';

const whole = {
  connection: { phase: 'connected', since: 1, attempt: 0 },
  presence: { version: 3, online: ['1', '2'], lastSeen: { '3': 500 } },
  names: { directory: { '2': '李四' }, server: {}, page: {} },
  me: { id: '1', name: '章三', source: 'jwt' },
  identity: { tokenHash: 'f'.repeat(32), readings: { jwt: { id: '1', name: '章三' } } },
};

describe('readStoredMirror', () => {
  test.each([
    ['a whole mirror', whole],
    ['one without identity, me unknown', { ...whole, identity: undefined, me: null }],
  ])('%s is restored', (_, stored) => {
    const { mirror, problem } = readStoredMirror(stored);
    expect(problem).toBeUndefined();
    expect(mirror?.presence.online).toEqual(stored.presence.online);
    expect(mirror?.me).toEqual(stored.me);
  });

  test('nothing stored: nothing restored, nothing to warn about', () => {
    expect(readStoredMirror(null)).toEqual({ mirror: undefined });
  });

  test.each<[string, unknown]>([
    ['a string', 'garbage'],
    ['a list', [whole]],
    ['an online list that is a string', { ...whole, presence: { ...whole.presence, online: '12' } }],
    ['a last-seen time that is text', { ...whole, presence: { ...whole.presence, lastSeen: { '3': 'yesterday' } } }],
    ['names that are numbers', { ...whole, names: { ...whole.names, directory: { '2': 7 } } }],
    ['me without an id', { ...whole, me: { name: 'x', source: 'jwt' } }],
    ['an unknown connection phase', { ...whole, connection: { ...whole.connection, phase: 'dancing' } }],
    ['a reading of an unknown shape', { ...whole, identity: { tokenHash: 'x', readings: { jwt: 'me' } } }],
  ])('%s: discarded whole, with the reason', (_, stored) => {
    const { mirror, problem } = readStoredMirror(stored);
    expect(mirror).toBeUndefined();
    expect(problem).toMatch(/\S/);
  });

  test('ids that are built-in property names stay data in the restored tables', () => {
    const stored = {
      ...whole,
      presence: { ...whole.presence, lastSeen: JSON.parse('{"__proto__": 5, "constructor": 6}') as unknown },
    };
    const { mirror } = readStoredMirror(stored);
    expect(mirror && ownValue(mirror.presence.lastSeen, '__proto__' as UserId)).toBe(5);
    expect(mirror && ownValue(mirror.presence.lastSeen, 'constructor' as UserId)).toBe(6);
    expect(mirror && Object.getPrototypeOf(mirror.presence.lastSeen)).toBeNull();
  });
});

import { expect, test } from 'vitest';
import { anyLockedWithin, isLocked, underPolicy } from '../../../../utils/pages/options/locks';

const locked = ['serverUrl', 'auth.cookieName', 'sites.profiles'];

test.each([
  ['serverUrl', true],
  ['auth.cookieName', true],
  ['auth.cookieUrl', false],
  ['auth', false],
  ['sites.profiles', true],
  ['sites.profiles.3.id.header', true],
  ['sites.matches', false],
  ['serverUrlX', false],
])('isLocked(%s) = %s', (path, expected) => {
  expect(isLocked(locked, path)).toBe(expected);
});

test.each([
  ['auth', true],
  ['sites', true],
  ['identity', false],
  ['sites.profiles.0', true],
  ['notifications', false],
])('anyLockedWithin(%s) = %s', (prefix, expected) => {
  expect(anyLockedWithin(locked, prefix)).toBe(expected);
});

test('underPolicy puts the policy’s values on the locked fields and keeps the rest of the draft', () => {
  const draft = {
    serverUrl: 'ws://mine/ws',
    auth: { cookieName: 'MINE', cookieUrl: 'http://mine/' },
    sites: { profiles: [], matches: ['http://x/*'] },
  };
  const effective = {
    serverUrl: 'wss://corp/ws',
    auth: { cookieName: 'CORP', cookieUrl: 'http://mine/' },
    sites: { profiles: [{ rows: 'tr' }], matches: [] },
  };
  expect(underPolicy(draft, effective, locked)).toEqual({
    serverUrl: 'wss://corp/ws',
    auth: { cookieName: 'CORP', cookieUrl: 'http://mine/' },
    sites: { profiles: [{ rows: 'tr' }], matches: ['http://x/*'] },
  });
});

import { expect, test } from 'vitest';
import { requiredOrigins } from '../../../../utils/core/settings/origins';
import { defaultSettings } from '../../../../utils/core/settings/validate';

const base = defaultSettings();

test.each([
  ['nothing configured', {}, []],
  ['server only (ws → http)', { serverUrl: 'ws://chat.local:8787/ws' }, ['http://chat.local/*']],
  ['wss → https', { serverUrl: 'wss://admin.example.com/ws' }, ['https://admin.example.com/*']],
  [
    'site, list and server on one host: one pattern',
    {
      serverUrl: 'wss://admin.example.com/ws',
      auth: { ...base.auth, cookieUrl: 'https://admin.example.com/' },
      directory: { ...base.directory, url: 'https://admin.example.com/api/users' },
    },
    ['https://admin.example.com/*'],
  ],
  [
    'three hosts',
    {
      serverUrl: 'wss://ws.example.com/',
      auth: { ...base.auth, cookieUrl: 'https://admin.example.com/' },
      directory: { ...base.directory, url: 'http://hr.internal:8080/users' },
    },
    ['https://admin.example.com/*', 'http://hr.internal/*', 'https://ws.example.com/*'],
  ],
])('%s', (_, overrides, patterns) => {
  expect(requiredOrigins({ ...base, ...overrides })).toEqual(patterns);
});

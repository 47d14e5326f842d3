import { expect, test } from 'vitest';
import { covers, missingOrigins, neededOrigins } from '../../../../utils/pages/options/permissions';
import { defaultSettings } from '../../../../utils/core/settings/validate';

test.each([
  ['http://localhost/*', 'http://localhost/*', true],
  ['http://localhost/*', 'http://localhost/users/*', true],
  ['http://localhost/*', 'https://localhost/*', false],
  ['*://localhost/*', 'https://localhost/*', true],
  ['https://*/*', 'https://admin.example.com/*', true],
  ['http://*/*', 'https://admin.example.com/*', false],
  ['<all_urls>', 'http://127.0.0.1/*', true],
  ['https://*.example.com/*', 'https://admin.example.com/*', true],
  ['https://*.example.com/*', 'https://example.com/*', true],
  ['https://*.example.com/*', 'https://*.sub.example.com/*', true],
  ['https://*.example.com/*', 'https://notexample.com/*', false],
  ['https://admin.example.com/*', 'https://*.example.com/*', false],
  ['https://admin.example.com/*', 'https://other.example.com/*', false],
  ['not a pattern', 'https://a/*', false],
])('holding %s covers %s: %s', (granted, needed, expected) => {
  expect(covers(granted, needed)).toBe(expected);
});

test('missingOrigins keeps what nothing granted covers', () => {
  expect(
    missingOrigins(
      ['http://localhost/*', 'https://a.example.com/*', 'https://b.test/*'],
      ['http://localhost/*', 'https://*.example.com/*'],
    ),
  ).toEqual(['https://b.test/*']);
});

test('the sign-in site, the user list, the server and the marked pages are needed, once each', () => {
  const settings = {
    ...defaultSettings(),
    serverUrl: 'wss://push.example.com/ws',
    auth: { cookieUrl: 'https://admin.example.com/', cookieName: 'USERTOKEN' },
    directory: { ...defaultSettings().directory, url: 'https://admin.example.com/api/users' },
    sites: {
      ...defaultSettings().sites,
      matches: ['https://admin.example.com:8443/users/*', 'https://reports.example.com/*'],
    },
  };
  expect(neededOrigins(settings).sort()).toEqual(
    [
      'https://admin.example.com/*',
      'https://admin.example.com/users/*',
      'https://push.example.com/*',
      'https://reports.example.com/*',
    ].sort(),
  );
});

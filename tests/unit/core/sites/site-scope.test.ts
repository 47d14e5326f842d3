import { expect, test } from 'vitest';
import { activeProfiles } from '../../../../utils/content/tables/active-profiles';
import { compileProfile } from '../../../../utils/content/tables/custom-profile';
import { browserMatches, siteMatches } from '../../../../utils/core/sites/site-scope';
import { defaultSettings } from '../../../../utils/core/settings/validate';

const base = defaultSettings();
const withSites = (sites: Partial<typeof base.sites>, cookieUrl = '') => ({
  auth: { ...base.auth, cookieUrl },
  sites: { ...base.sites, ...sites },
});

test.each([
  ['nothing configured: nowhere', withSites({}), []],
  ['the sign-in site by default', withSites({}, 'http://localhost:8787/login'), ['http://localhost:8787/*']],
  [
    'configured sites win',
    withSites({ matches: ['https://a.test/*', 'https://b.test/admin/*'] }, 'http://localhost:8787/'),
    ['https://a.test/*', 'https://b.test/admin/*'],
  ],
])('Roster runs on: %s', (_, settings, expected) => {
  expect(siteMatches(settings)).toEqual(expected);
});

test('the browser registers port-less patterns, each once', () => {
  expect(browserMatches(['http://localhost:8787/*', 'http://localhost:9999/*', 'https://a.test/*'])).toEqual([
    'http://localhost/*',
    'https://a.test/*',
  ]);
});

test.each([
  ['all built-ins', {}, 'https://a.test/', ['builtin:elementTable', 'builtin:plainTable', 'builtin:dataAttributes']],
  [
    'one switched off',
    { builtIns: { elementTable: true, plainTable: false, dataAttributes: true } },
    'https://a.test/',
    ['builtin:elementTable', 'builtin:dataAttributes'],
  ],
  [
    'custom profiles first, only on their pages',
    {
      profiles: [
        {
          label: 'Orders',
          url: 'https://a.test/orders/*',
          rows: 'tr',
          id: { from: 'text' as const },
          mark: { position: 'before' as const },
        },
        { label: '', rows: 'li', name: { from: 'text' as const }, mark: { position: 'before' as const } },
      ],
    },
    'https://a.test/users',
    ['custom:1', 'builtin:elementTable', 'builtin:plainTable', 'builtin:dataAttributes'],
  ],
])('profiles: %s', (_, sites, href, keys) => {
  expect(activeProfiles({ ...base.sites, ...sites }, href, compileProfile).map((profile) => profile.key)).toEqual(keys);
});

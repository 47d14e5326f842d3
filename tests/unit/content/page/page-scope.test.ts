import { expect, test } from 'vitest';
import { createPageScope, wantsCustomProfiles } from '../../../../utils/content/page/page-scope';
import { compileProfile } from '../../../../utils/content/tables/custom-profile';
import { defaultSettings } from '../../../../utils/core/settings/validate';

const base = defaultSettings();
const settings = { ...base, auth: { ...base.auth, cookieUrl: 'http://localhost:8787/' } };
const keys = (profiles: { key: string }[] | undefined) => profiles?.map((profile) => profile.key);

test('the sign-in site gets the built-ins; asking again for the same page changes nothing', () => {
  const scope = createPageScope();
  expect(keys(scope(settings, 'http://localhost:8787/users'))).toEqual([
    'builtin:elementTable',
    'builtin:plainTable',
    'builtin:dataAttributes',
  ]);
  expect(scope(settings, 'http://localhost:8787/users?page=2')).toBeUndefined();
});

test('another port of the same host is not the site: no profiles, so no marks', () => {
  expect(createPageScope()(settings, 'http://localhost:9999/')).toEqual([]);
});

test('an SPA route into and out of a path pattern switches the marks on and off', () => {
  const scope = createPageScope();
  const onlyAdmin = { ...settings, sites: { ...settings.sites, matches: ['http://localhost:8787/admin/*'] } };
  expect(keys(scope(onlyAdmin, 'http://localhost:8787/admin/users'))).toHaveLength(3);
  expect(scope(onlyAdmin, 'http://localhost:8787/shop')).toEqual([]);
  expect(keys(scope(onlyAdmin, 'http://localhost:8787/admin/roles'))).toHaveLength(3);
});

test('a custom profile for one route comes and goes with it', () => {
  const scope = createPageScope();
  const custom = {
    ...settings,
    sites: {
      ...settings.sites,
      profiles: [
        {
          label: '',
          url: 'http://localhost:8787/orders/*',
          rows: 'tr.order',
          id: { from: 'text' as const },
          mark: { position: 'before' as const },
        },
      ],
    },
  };
  expect(keys(scope(custom, 'http://localhost:8787/orders/1', compileProfile))?.[0]).toBe('custom:0');
  expect(keys(scope(custom, 'http://localhost:8787/users', compileProfile))?.[0]).toBe('builtin:elementTable');
  expect(wantsCustomProfiles(custom, 'http://localhost:8787/orders/1')).toBe(true);
  expect(wantsCustomProfiles(custom, 'http://localhost:8787/users')).toBe(false);
  expect(wantsCustomProfiles(custom, 'http://localhost:9999/orders/1')).toBe(false);
});

test('without the compiler (not loaded yet), custom profiles are left out, never half-applied', () => {
  const custom = {
    ...settings,
    sites: {
      ...settings.sites,
      profiles: [{ label: '', rows: 'tr.order', id: { from: 'text' as const }, mark: { position: 'before' as const } }],
    },
  };
  expect(keys(createPageScope()(custom, 'http://localhost:8787/orders/1'))).toEqual([
    'builtin:elementTable',
    'builtin:plainTable',
    'builtin:dataAttributes',
  ]);
});

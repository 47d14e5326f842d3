import { describe, expect, test, vi } from 'vitest';
import { cookieStoreOrder } from '../../../../utils/background/auth/cookie-store';
import { cookieTokenSource, type CookieChange } from '../../../../utils/background/auth/cookie-token';
import { hostStoreCookies, type HostCookieBrowser } from '../../../../utils/background/auth/host-cookies';
import { defaultSettings } from '../../../../utils/core/settings/validate';

describe('cookieStoreOrder', () => {
  test.each([
    ['no host tab, no sign-in seen: nothing (the default store)', undefined, [], []],
    ['Chrome tabs carry no store', undefined, [{ lastAccessed: 5 }], []],
    [
      'one tab in a container',
      undefined,
      [{ cookieStoreId: 'firefox-container-2', lastAccessed: 5 }],
      ['firefox-container-2'],
    ],
    [
      'tabs by recency, each store once',
      undefined,
      [
        { cookieStoreId: 'firefox-default', lastAccessed: 10 },
        { cookieStoreId: 'firefox-container-1', lastAccessed: 30 },
        { cookieStoreId: 'firefox-default', lastAccessed: 40 },
        { cookieStoreId: 'firefox-container-2', lastAccessed: 20 },
      ],
      ['firefox-default', 'firefox-container-1', 'firefox-container-2'],
    ],
    [
      'the latest sign-in first',
      'firefox-container-3',
      [{ cookieStoreId: 'firefox-default', lastAccessed: 9 }],
      ['firefox-container-3', 'firefox-default'],
    ],
  ] as const)('%s', (_name, lastSignIn, tabs, expected) => {
    expect(cookieStoreOrder(lastSignIn, tabs)).toEqual(expected);
  });
});

type Change = CookieChange & { readonly cookie: { readonly name: string; readonly storeId?: string } };

/** A browser with a cookie jar per store and some open tabs. */
function fakeBrowser(
  jars: Record<string, Record<string, string>>,
  tabs: { url: string; cookieStoreId?: string; lastAccessed?: number }[],
) {
  const listeners = new Set<(change: Change) => void>();
  const get = vi.fn((details: { url: string; name: string; storeId?: string }) => {
    const value = jars[details.storeId ?? 'firefox-default']?.[details.name];
    return Promise.resolve(value === undefined ? null : { value });
  });
  const query = vi.fn((query: { url: string }) => {
    const { hostname } = new URL(query.url.replace('/*', '/'));
    return Promise.resolve(tabs.filter((tab) => new URL(tab.url).hostname === hostname));
  });
  const api: HostCookieBrowser = {
    cookies: {
      get,
      onChanged: { addListener: (l) => void listeners.add(l), removeListener: (l) => void listeners.delete(l) },
    },
    tabs: { query },
  };
  const setCookie = (storeId: string, name: string, value: string) => {
    (jars[storeId] ??= {})[name] = value;
    for (const listener of [...listeners]) listener({ removed: false, cause: 'explicit', cookie: { name, storeId } });
  };
  return { api, get, query, setCookie, listeners };
}

const auth = { ...defaultSettings().auth, cookieUrl: 'https://admin.example.com:8443/', cookieName: 'USERTOKEN' };

describe('hostStoreCookies', () => {
  test('signed in only in a container tab: the token is read from that container', async () => {
    const world = fakeBrowser({ 'firefox-default': {}, 'firefox-container-1': { USERTOKEN: 'container-token' } }, [
      { url: 'https://other.example.org/', cookieStoreId: 'firefox-default', lastAccessed: 99 },
      { url: 'https://admin.example.com/login', cookieStoreId: 'firefox-default', lastAccessed: 50 },
      { url: 'https://admin.example.com:8443/users', cookieStoreId: 'firefox-container-1', lastAccessed: 1 },
    ]);
    expect(await cookieTokenSource(auth, hostStoreCookies(world.api)).read()).toBe('container-token');
    // Tabs of the cookie's host on any port: match patterns have none.
    expect(world.query).toHaveBeenCalledWith({ url: 'https://admin.example.com/*' });
  });

  test('no host tab open: the default store, asked without a storeId (what Chrome always does)', async () => {
    const world = fakeBrowser({ 'firefox-default': { USERTOKEN: 'default-token' } }, []);
    expect(await cookieTokenSource(auth, hostStoreCookies(world.api)).read()).toBe('default-token');
    expect(world.get).toHaveBeenCalledWith({ url: auth.cookieUrl, name: 'USERTOKEN' });
  });

  test('tabs cannot be queried: the default store, not an error', async () => {
    const world = fakeBrowser({ 'firefox-default': { USERTOKEN: 'default-token' } }, []);
    world.query.mockRejectedValueOnce(new Error('no permission'));
    expect(await cookieTokenSource(auth, hostStoreCookies(world.api)).read()).toBe('default-token');
  });

  test('a sign-in in a container whose tab is still loading is followed at once', async () => {
    // The tab is not at the host's address yet when the login response sets the cookie.
    const world = fakeBrowser({ 'firefox-default': {} }, [
      { url: 'about:blank', cookieStoreId: 'firefox-container-4' },
    ]);
    const tokens = cookieTokenSource(auth, hostStoreCookies(world.api));
    const seen: (string | undefined)[] = [];
    tokens.watch((token) => seen.push(token), new AbortController().signal);
    await tokens.read();
    world.setCookie('firefox-container-4', 'USERTOKEN', 'fresh');
    await vi.waitFor(() => expect(seen).toEqual(['fresh']));
  });

  test("other cookies' changes do not move the preference", async () => {
    const world = fakeBrowser(
      { 'firefox-default': { USERTOKEN: 'default-token' }, 'firefox-container-5': { USERTOKEN: 'other' } },
      [],
    );
    const cookies = hostStoreCookies(world.api);
    const tokens = cookieTokenSource(auth, cookies);
    tokens.watch(() => undefined, new AbortController().signal);
    expect(await tokens.read()).toBe('default-token');
    world.setCookie('firefox-container-5', 'tracking', 'x');
    expect(await tokens.read()).toBe('default-token');
  });

  test('removing the listener removes the wrapped one', () => {
    const world = fakeBrowser({}, []);
    const cookies = hostStoreCookies(world.api);
    const listener = () => undefined;
    cookies.onChanged.addListener(listener);
    expect(world.listeners.size).toBe(1);
    cookies.onChanged.removeListener(listener);
    expect(world.listeners.size).toBe(0);
  });
});

import { browser } from 'wxt/browser';
import type { CookieApi, CookieChange } from './cookie-token';
import { cookieStoreOrder } from './cookie-store';
import { createLogger } from '../../core/log';

const log = createLogger('cookies');

type Cookie = { value: string } | null | undefined;
/** A cookie change as Firefox reports it: with the store the cookie lives in. */
type StoreCookieChange = CookieChange & { readonly cookie: { readonly storeId?: string } };

/** The browser APIs used here; tests pass fakes. */
export interface HostCookieBrowser {
  readonly cookies: {
    get(details: { url: string; name: string; storeId?: string }): Promise<Cookie>;
    readonly onChanged: {
      addListener(listener: (change: StoreCookieChange) => void): void;
      removeListener(listener: (change: StoreCookieChange) => void): void;
    };
  };
  readonly tabs: {
    query(query: { url: string }): Promise<readonly { cookieStoreId?: string; lastAccessed?: number }[]>;
  };
}

/** Open tabs of the cookie's site; match patterns have no port, so this covers every port. */
function sitePattern(cookieUrl: string): string | undefined {
  const { protocol, hostname } = new URL(cookieUrl);
  return protocol === 'http:' || protocol === 'https:' ? `${protocol}//${hostname}/*` : undefined;
}

/**
 * `browser.cookies` that finds the login cookie in the cookie store where the user is signed in
 * to the host site (a Firefox container, a private window) and not only in the default store,
 * decided afresh on every read. Order: `cookieStoreOrder`, then the default store as before.
 */
export function hostStoreCookies(api: HostCookieBrowser = browser): CookieApi {
  // The store of the latest sign-in, from the change event: at that moment the signing-in tab is
  // often still loading and not yet at the host's address, so a tab lookup alone would miss it.
  let lastSignInStore: string | undefined;
  // Only changes of the login cookie count, not those of every site the user visits.
  const names = new Set<string>();
  const wrapped = new Map<(change: CookieChange) => void, (change: StoreCookieChange) => void>();

  const hostTabs = async (url: string) => {
    const pattern = sitePattern(url);
    if (!pattern) return [];
    try {
      return await api.tabs.query({ url: pattern });
    } catch (error) {
      log.debug('could not look for the host site in open tabs', error);
      return [];
    }
  };

  return {
    async get(details) {
      names.add(details.name);
      for (const storeId of cookieStoreOrder(lastSignInStore, await hostTabs(details.url))) {
        const cookie = await api.cookies.get({ ...details, storeId });
        if (cookie?.value) return cookie;
      }
      return api.cookies.get(details);
    },
    onChanged: {
      addListener(listener) {
        const inner = (change: StoreCookieChange) => {
          if (!change.removed && change.cookie.storeId && names.has(change.cookie.name))
            lastSignInStore = change.cookie.storeId;
          listener(change);
        };
        wrapped.set(listener, inner);
        api.cookies.onChanged.addListener(inner);
      },
      removeListener(listener) {
        const inner = wrapped.get(listener);
        if (inner) api.cookies.onChanged.removeListener(inner);
        wrapped.delete(listener);
      },
    },
  };
}

/** What a tab says about the cookie store it uses (Firefox: `cookieStoreId`; Chrome: nothing). */
export interface StoreTab {
  readonly cookieStoreId?: string | undefined;
  /** Milliseconds since the epoch; Firefox sets it on every tab. */
  readonly lastAccessed?: number | undefined;
}

/**
 * Where to look for the login cookie, best first: the store the user last signed in to (seen
 * from a cookie change), then the stores of the host site's open tabs, most recently used first.
 * Firefox keeps one store per container (and one for private windows), and a background page
 * reads only the default store unless told otherwise; the caller tries these in order and then
 * the default store. Empty on browsers without a store per tab (Chrome). Pure.
 */
export function cookieStoreOrder(lastSignInStore: string | undefined, hostTabs: readonly StoreTab[]): string[] {
  const byRecency = [...hostTabs].sort((a, b) => (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0));
  const stores = [lastSignInStore, ...byRecency.map((tab) => tab.cookieStoreId)];
  return [...new Set(stores.filter((store): store is string => Boolean(store)))];
}

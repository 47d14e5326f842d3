import { pageIdentityConfig, type PageIdentityConfig } from '../identity/page-reading';
import type { Settings } from '../settings/schema';

/**
 * What a host page's content script needs of the settings, and no more: where Roster runs and how
 * it finds users, the event name, and where the page keeps its user. Content scripts get it over
 * their port; they cannot read Roster's storage (the server address, the call log and the rest
 * stay out of a renderer the host page shares).
 */
export interface PageConfig {
  readonly sites: Settings['sites'];
  readonly auth: Pick<Settings['auth'], 'cookieUrl'>;
  readonly identity: PageIdentityConfig | null;
}

export function pageConfig(settings: Pick<Settings, 'sites' | 'auth' | 'identity'>): PageConfig {
  return {
    sites: settings.sites,
    auth: { cookieUrl: settings.auth.cookieUrl },
    identity: pageIdentityConfig(settings.identity),
  };
}

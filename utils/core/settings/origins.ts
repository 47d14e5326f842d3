import { identityUrl } from '../identity/identity-url';
import type { Settings } from './schema';

/** The settings that name an origin (the options page tests a part of them before saving). */
export interface OriginSettings {
  readonly serverUrl: Settings['serverUrl'];
  readonly auth: Pick<Settings['auth'], 'cookieUrl'>;
  readonly directory: Pick<Settings['directory'], 'url'>;
  readonly identity?: Pick<Settings['identity'], 'url'>;
}

/**
 * The host permissions Roster needs for these settings, as match patterns: the sign-in site (its
 * cookie), the user list, the "who am I" address, and the server (asked for with the site so one prompt covers all).
 * A WebSocket server's origin is asked for as http(s), the schemes host permissions know. Patterns
 * carry no port: they match every port. Pure.
 */
export function requiredOrigins(settings: OriginSettings): string[] {
  const whoAmI = settings.identity ? identityUrl(settings.identity.url, settings.auth.cookieUrl) : '';
  const urls = [settings.auth.cookieUrl, settings.directory.url, whoAmI, settings.serverUrl].filter(Boolean);
  const patterns = urls.flatMap((url) => {
    try {
      const { protocol, hostname } = new URL(url);
      const scheme = protocol === 'wss:' ? 'https:' : protocol === 'ws:' ? 'http:' : protocol;
      return [`${scheme}//${hostname}/*`];
    } catch {
      return [];
    }
  });
  return [...new Set(patterns)];
}

import { activeProfiles } from '../tables/active-profiles';
import { matchesAny } from '../../core/sites/match-pattern';
import type { RowProfile } from '../tables/profile';
import { isSelector } from '../../core/sites/selector';
import { siteMatches } from '../../core/sites/site-scope';
import type { PageConfig } from '../../core/messages/page-config';

/**
 * The profiles for this page: none outside the configured sites (a port the browser's pattern
 * could not exclude, an SPA route outside a path pattern), else custom ones then the built-ins.
 * Returns `undefined` when nothing changed since the last call, so a route change that keeps the
 * same profiles does not re-read the page.
 */
export function createPageScope(): (
  settings: Pick<PageConfig, 'sites' | 'auth'>,
  href: string,
) => RowProfile[] | undefined {
  let last: string | undefined;
  return (settings, href) => {
    const profiles = matchesAny(siteMatches(settings), href)
      ? activeProfiles(settings.sites, href).filter((profile) => isSelector(profile.rows))
      : [];
    const key = JSON.stringify([settings.sites, profiles.map((profile) => profile.key)]);
    if (key === last) return undefined;
    last = key;
    return profiles;
  };
}

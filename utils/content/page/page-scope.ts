import { activeProfiles, hasCustomProfile, type CompileProfile } from '../tables/active-profiles';
import { matchesAny } from '../../core/sites/match-pattern';
import type { RowProfile } from '../tables/profile';
import { isSelector } from '../../core/sites/selector';
import { siteMatches } from '../../core/sites/site-scope';
import type { PageConfig } from '../../core/messages/page-config';

type ScopeSettings = Pick<PageConfig, 'sites' | 'auth'>;

/** Whether the page at `href` is one Roster marks and a custom profile applies to it. */
export function wantsCustomProfiles(settings: ScopeSettings, href: string): boolean {
  return matchesAny(siteMatches(settings), href) && hasCustomProfile(settings.sites, href);
}

/**
 * The profiles for this page: none outside the configured sites (a port the browser's pattern
 * could not exclude, an SPA route outside a path pattern), else custom ones (compiled by `compile`;
 * none without it) then the built-ins. Returns `undefined` when nothing changed since the last
 * call, so a route change that keeps the same profiles does not re-read the page.
 */
export function createPageScope(): (
  settings: ScopeSettings,
  href: string,
  compile?: CompileProfile,
) => RowProfile[] | undefined {
  let last: string | undefined;
  return (settings, href, compile) => {
    const profiles = matchesAny(siteMatches(settings), href)
      ? activeProfiles(settings.sites, href, compile).filter((profile) => isSelector(profile.rows))
      : [];
    const key = JSON.stringify([settings.sites, profiles.map((profile) => profile.key)]);
    if (key === last) return undefined;
    last = key;
    return profiles;
  };
}

import type { Settings } from '../settings/schema';
import { browserPattern, originPattern } from './match-pattern';

/** Where Roster runs: the configured patterns, or else every page of the sign-in site's origin. */
export function siteMatches(settings: {
  readonly sites: Pick<Settings['sites'], 'matches'>;
  readonly auth: Pick<Settings['auth'], 'cookieUrl'>;
}): string[] {
  if (settings.sites.matches.length > 0) return [...settings.sites.matches];
  const origin = originPattern(settings.auth.cookieUrl);
  return origin ? [origin] : [];
}

/** The same as browsers accept them (no ports), without repeats, sorted: what gets registered. */
export function browserMatches(patterns: readonly string[]): string[] {
  return [...new Set(patterns.flatMap((pattern) => browserPattern(pattern) ?? []))].sort();
}

import { matchesAny } from '../../core/sites/match-pattern';

export interface TabInfo {
  readonly id: number;
  readonly windowId: number;
  readonly title: string;
  readonly url: string;
  readonly active: boolean;
}

/** Whether a page (a tab's, or a frame's) is one the profile and Roster cover. */
export interface PageScope {
  /** The profile's own URL pattern takes this page (or it has none). */
  readonly profileApplies: boolean;
  /** Roster runs on this page (the Sites section's pages, or the sign-in site). */
  readonly rosterRuns: boolean;
}

export interface TestableTab extends TabInfo, PageScope {}

/** Pure. */
export function pageScope(url: string, profileUrl: string | undefined, siteMatches: readonly string[]): PageScope {
  return { profileApplies: !profileUrl || matchesAny([profileUrl], url), rosterRuns: matchesAny(siteMatches, url) };
}

/** "http://localhost:8787/users.html?x" → "localhost:8787/users.html", for naming a frame. Pure. */
export function pageLabel(url: string): string {
  const parsed = URL.parse(url);
  return parsed ? `${parsed.host}${parsed.pathname}` : url;
}

/**
 * The tabs a profile can be tried on: web pages only (the browser shows Roster the address only of
 * tabs it may access), the ones the profile and Roster both cover first. Pure.
 */
export function testableTabs(
  tabs: readonly TabInfo[],
  profileUrl: string | undefined,
  siteMatches: readonly string[],
): TestableTab[] {
  const rank = (tab: TestableTab) => (tab.profileApplies ? 0 : 2) + (tab.rosterRuns ? 0 : 1);
  return tabs
    .filter((tab) => /^https?:/i.test(tab.url))
    .map((tab) => ({ ...tab, ...pageScope(tab.url, profileUrl, siteMatches) }))
    .sort((a, b) => rank(a) - rank(b) || Number(b.active) - Number(a.active) || a.id - b.id);
}

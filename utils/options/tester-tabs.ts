import { matchesAny } from '../sites/match-pattern';

export interface TabInfo {
  readonly id: number;
  readonly windowId: number;
  readonly title: string;
  readonly url: string;
  readonly active: boolean;
}

export interface TestableTab extends TabInfo {
  /** The profile's own URL pattern takes this page (or it has none). */
  readonly profileApplies: boolean;
  /** Roster runs on this page (the Sites section's pages, or the sign-in site). */
  readonly rosterRuns: boolean;
}

/**
 * The tabs a profile can be tried on: web pages only (the browser shows Roster the address only of
 * tabs it may access), the ones the profile and Roster both cover first. Pure.
 */
export function testableTabs(tabs: readonly TabInfo[], profileUrl: string | undefined, siteMatches: readonly string[]): TestableTab[] {
  const rank = (tab: TestableTab) => (tab.profileApplies ? 0 : 2) + (tab.rosterRuns ? 0 : 1);
  return tabs
    .filter((tab) => /^https?:/i.test(tab.url))
    .map((tab) => ({
      ...tab,
      profileApplies: !profileUrl || matchesAny([profileUrl], tab.url),
      rosterRuns: matchesAny(siteMatches, tab.url),
    }))
    .sort((a, b) => rank(a) - rank(b) || Number(b.active) - Number(a.active) || a.id - b.id);
}

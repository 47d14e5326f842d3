import { dataAttributesProfile } from './builtin-data-attributes';
import { elementTableProfile } from './builtin-element-table';
import { plainTableProfile } from './builtin-plain-table';
import { matchesAny } from '../../core/sites/match-pattern';
import type { RowProfile } from './profile';
import type { BuiltInName, SiteProfileSettings, SitesSettings } from '../../core/sites/settings-schema';

/** Turns a custom profile's settings into a profile (custom-profile.ts, loaded only where one applies). */
export type CompileProfile = (settings: SiteProfileSettings, index: number) => RowProfile;

/** Most specific first: Element UI rows are also `<tr>`s, and table rows may carry `data-user-id`. */
const builtIns: readonly (readonly [BuiltInName, RowProfile])[] = [
  ['elementTable', elementTableProfile],
  ['plainTable', plainTableProfile],
  ['dataAttributes', dataAttributesProfile],
];

/** Whether a custom profile applies to the page at `href`. */
export function hasCustomProfile(sites: SitesSettings, href: string): boolean {
  return sites.profiles.some((profile) => appliesTo(profile, href));
}

const appliesTo = (profile: SiteProfileSettings, href: string) =>
  profile.url === undefined || matchesAny([profile.url], href);

/**
 * The profiles for the page at `href`, in the order they are tried: custom ones (when `compile` is
 * given), then built-ins.
 */
export function activeProfiles(sites: SitesSettings, href: string, compile?: CompileProfile): RowProfile[] {
  const custom = compile
    ? sites.profiles.flatMap((profile, index) => (appliesTo(profile, href) ? [compile(profile, index)] : []))
    : [];
  return [...custom, ...builtIns.filter(([name]) => sites.builtIns[name]).map(([, profile]) => profile)];
}

import { dataAttributesProfile } from './builtin-data-attributes';
import { elementTableProfile } from './builtin-element-table';
import { plainTableProfile } from './builtin-plain-table';
import { compileProfile } from './custom-profile';
import { matchesAny } from '../../core/sites/match-pattern';
import type { RowProfile } from './profile';
import type { BuiltInName, SitesSettings } from '../../core/sites/settings-schema';

/** Most specific first: Element UI rows are also `<tr>`s, and table rows may carry `data-user-id`. */
const builtIns: readonly (readonly [BuiltInName, RowProfile])[] = [
  ['elementTable', elementTableProfile],
  ['plainTable', plainTableProfile],
  ['dataAttributes', dataAttributesProfile],
];

/** The profiles for the page at `href`, in the order they are tried: custom ones, then built-ins. */
export function activeProfiles(sites: SitesSettings, href: string): RowProfile[] {
  const custom = sites.profiles.flatMap((profile, index) =>
    profile.url === undefined || matchesAny([profile.url], href) ? [compileProfile(profile, index)] : [],
  );
  return [...custom, ...builtIns.filter(([name]) => sites.builtIns[name]).map(([, profile]) => profile)];
}

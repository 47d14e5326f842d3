import { toJson, type Json } from './json';
import { getPath, isWithinPath, setPath } from './paths';

/**
 * IT policy locks leaves (`serverUrl`, `auth.cookieName`, a whole list such as `sites.profiles`).
 * A form field is locked when a locked leaf is the field itself or holds it (`sites.profiles.0.rows`
 * lies inside the locked list). Pure.
 */
export function isLocked(locked: readonly string[], path: string): boolean {
  return locked.some((leaf) => isWithinPath(path, leaf));
}

/** Some field inside `prefix` is locked (a section's "some of these are set by your organisation"). */
export function anyLockedWithin(locked: readonly string[], prefix: string): boolean {
  return locked.some((leaf) => isWithinPath(leaf, prefix) || isWithinPath(prefix, leaf));
}

/** What will run once `own` is saved: the policy's values still win on the locked fields. Pure. */
export function underPolicy(own: Json, effective: unknown, locked: readonly string[]): Json {
  let result = own;
  for (const path of locked) result = setPath(result, path, toJson(getPath(effective, path)));
  return result;
}

import { leafPaths } from '../../core/settings/merge';
import { getPath, setPath } from './paths';
import { jsonEqual, toJson, type Json } from './json';

/**
 * The saved settings changed under an open form (the popup's do-not-disturb switch, another options
 * tab, an import elsewhere). Fields the user has not touched follow the new saved value; fields
 * they changed keep their edit. Lists count as one field. Pure.
 */
export function rebase(oldSaved: Json, newSaved: Json, draft: Json): Json {
  let next = draft;
  for (const path of leafPaths(newSaved)) {
    const edited = !jsonEqual(getPath(draft, path), getPath(oldSaved, path));
    if (!edited) next = setPath(next, path, toJson(getPath(newSaved, path)));
  }
  return next;
}

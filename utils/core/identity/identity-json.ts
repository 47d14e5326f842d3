import * as v from 'valibot';
import { UserIdSchema, type UserId } from '../protocol/schemas';
import { MAX_NAME_LENGTH } from '../protocol/limits';
import { firstPath } from './json-path';

/** Who a host's answer says the user is: an id and, when it has one, a name. */
export interface NamedId {
  readonly id: UserId;
  readonly name: string;
}

export const asUserId = (value: unknown): UserId | undefined => {
  const result = v.safeParse(UserIdSchema, value);
  return result.success ? result.output : undefined;
};

export const asName = (value: unknown): string | undefined => {
  if (typeof value !== 'string') return undefined;
  // The cap counts UTF-16 units: a cut through an emoji would leave half of it (a lone surrogate).
  const name = value
    .trim()
    .slice(0, MAX_NAME_LENGTH)
    .replace(/[\uD800-\uDBFF]$/, '');
  return name || undefined;
};

/**
 * The user a JSON document names: the first id path that holds an id, and the first name path
 * that holds a name. `undefined` when no id path does (the fields are elsewhere, or nobody is
 * signed in). Pure.
 */
export function readIdentityJson(
  json: unknown,
  idPaths: readonly string[],
  namePaths: readonly string[],
): NamedId | undefined {
  const id = firstPath(json, idPaths, asUserId);
  if (!id) return undefined;
  return { id: id.value, name: firstPath(json, namePaths, asName)?.value ?? '' };
}

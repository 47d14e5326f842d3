import { MAX_ID_LENGTH, MAX_NAME_LENGTH } from './limits';
import type { OnlineUser, UserId } from './schemas';

/**
 * The online list's common entries, read by hand: a list of 10,000 comes with every join and
 * leave, and checking each entry against `OnlineEntrySchema` costs 6–8× the `JSON.parse` of the
 * whole list. Only what the schema plainly accepts unchanged is read here, with exactly its
 * output: an id string that needs no trimming and is within bounds, a safe integer, or a
 * `{userId, userName}` object of those. Anything else (whitespace to trim, an empty or over-long
 * string, a fraction, a nested array…) gives `undefined`, and the schema decides: it stays the one
 * definition of what an entry is, and the property test holds this to it. Input is what
 * `JSON.parse` makes (no getters, no prototypes other than `Object`'s and `Array`'s). Pure.
 */
export function readOnlineEntry(entry: unknown): OnlineUser | undefined {
  if (typeof entry !== 'object') {
    const id = plainId(entry);
    return id === undefined ? undefined : { id };
  }
  if (entry === null) return undefined;
  const { userId, userName } = entry as { readonly userId?: unknown; readonly userName?: unknown };
  const id = plainId(userId);
  if (id === undefined) return undefined;
  if (userName === undefined || userName === null) return { id };
  if (typeof userName !== 'string' || userName.length > MAX_NAME_LENGTH || userName.trim() !== userName) {
    return undefined;
  }
  return userName ? { id, name: userName } : { id };
}

/** An id the schema takes as it is: a trimmed, non-empty string within bounds, or a safe integer. */
function plainId(value: unknown): UserId | undefined {
  if (typeof value === 'string') {
    return value.length > 0 && value.length <= MAX_ID_LENGTH && value.trim() === value ? (value as UserId) : undefined;
  }
  return Number.isSafeInteger(value) ? (String(value) as UserId) : undefined;
}

import type { UserId } from '../../core/protocol/schemas';
import { MAX_ID_LENGTH } from '../../core/protocol/limits';
import type { NameIndex } from './name-index';
import { nameKey } from '../tables/text';

export interface Identified {
  readonly id?: string;
  readonly guessId?: () => string | undefined;
  readonly name?: string;
}

export interface Resolution {
  readonly userId?: UserId;
  /** Unknown name: the row is looked at again when the directory learns it. */
  readonly waitingFor?: string;
  /** An id and its name seen together on the page, for the directory. */
  readonly learned?: readonly [UserId, string];
}

/**
 * `UserIdSchema`'s rule for text (trimmed, 1–128 characters), without a schema run per row: this
 * runs for every row of a 10,000-row table. A unit test holds the two to the same answers.
 */
export function asUserId(text: string | undefined): UserId | undefined {
  const id = text?.trim();
  return id && id.length <= MAX_ID_LENGTH ? (id as UserId) : undefined;
}

const learnedIf = (id: UserId, name: string | undefined, names: NameIndex): Resolution['learned'] =>
  name !== undefined && names.nameOf(id) === undefined ? [id, name] : undefined;

/**
 * Who a row shows. A stated id wins. Otherwise the name, through the directory. A guessed id (a
 * bare "ID" column) is the fallback for names the directory cannot place, unless the directory
 * says that id is someone else: then that column is another numbering, and the row waits.
 */
export function resolveUser(row: Identified, names: NameIndex): Resolution {
  const name = row.name?.trim() ? row.name : undefined;
  const id = asUserId(row.id);
  if (id !== undefined) return { userId: id, learned: learnedIf(id, name, names) };
  const byName = name === undefined ? undefined : names.idFor(name);
  if (byName !== undefined) return { userId: byName };
  const guessed = asUserId(row.guessId?.());
  if (guessed !== undefined) {
    const known = names.nameOf(guessed);
    const contradicted =
      name !== undefined && known !== undefined && known !== name && nameKey(known) !== nameKey(name);
    if (!contradicted) return { userId: guessed, learned: learnedIf(guessed, name, names) };
  }
  return name === undefined ? {} : { waitingFor: nameKey(name) };
}

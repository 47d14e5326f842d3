import * as v from 'valibot';
import type { Timers } from '../../core/timers';
import { fetchJson, FetchJsonError, type FetchJsonErrorCode } from '../../core/fetch-json';
import { UserIdSchema, type UserId } from '../../core/protocol/schemas';
import { MAX_NAME_LENGTH } from '../../core/protocol/limits';
import type { DirectorySettings } from '../../core/settings/schema';
import { MAX_NAMES_PER_SOURCE } from '../../core/presence/directory';

export type DirectoryErrorCode = FetchJsonErrorCode | 'not-a-list';

export class DirectoryError extends Error {
  override readonly name = 'DirectoryError';

  constructor(
    readonly code: DirectoryErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export interface DirectoryList {
  readonly entries: readonly (readonly [UserId, string])[];
  /** Items without a usable id or name, skipped. */
  readonly skipped: number;
  /** Items after the `MAX_NAMES_PER_SOURCE`th user, not read: the directory keeps no more than that. */
  readonly beyond: number;
}

export interface DirectoryFetchDeps {
  readonly fetch: typeof fetch;
  readonly timers: Timers;
}

const MAX_RESPONSE_BYTES = 8 * 1024 * 1024;
/** A host that has not answered by then is given up until the next refresh, which then still comes. */
export const DIRECTORY_TIMEOUT_MS = 30_000;

/**
 * Reads the host system's user list: an array of objects with an id and a name field, as far as
 * the directory keeps names. Fields are read as the object's own (`constructor` is a field name
 * like any other, and never `Object.prototype`'s). Pure.
 */
export function readDirectoryList(
  json: unknown,
  settings: Pick<DirectorySettings, 'idField' | 'nameField'>,
  limit = MAX_NAMES_PER_SOURCE,
): DirectoryList {
  if (!Array.isArray(json)) throw new DirectoryError('not-a-list', 'the user list is not a JSON array');
  const entries: [UserId, string][] = [];
  let skipped = 0;
  let index = 0;
  for (; index < json.length && entries.length < limit; index++) {
    const item: unknown = json[index];
    const field = (key: string): unknown =>
      typeof item === 'object' && item !== null && Object.hasOwn(item, key)
        ? (item as Record<string, unknown>)[key]
        : undefined;
    const id = v.safeParse(UserIdSchema, field(settings.idField));
    const name = field(settings.nameField);
    if (id.success && typeof name === 'string' && name.trim()) {
      entries.push([id.output, name.trim().slice(0, MAX_NAME_LENGTH)]);
    } else skipped++;
  }
  return { entries, skipped, beyond: json.length - index };
}

/**
 * Fetches the list with the host's cookies (the background holds the host permission). The body
 * is read as a stream and given up past 8 MiB, with or without a Content-Length, and the whole
 * exchange after `timeoutMs`: one hung host must not stop every later refresh.
 */
export async function fetchDirectory(
  settings: DirectorySettings,
  deps: DirectoryFetchDeps,
  signal: AbortSignal,
  timeoutMs = DIRECTORY_TIMEOUT_MS,
): Promise<DirectoryList> {
  let json: unknown;
  try {
    json = await fetchJson(settings.url, { ...deps, signal, timeoutMs, maxBytes: MAX_RESPONSE_BYTES });
  } catch (error) {
    if (error instanceof FetchJsonError) throw new DirectoryError(error.code, error.message);
    throw error;
  }
  return readDirectoryList(json, settings);
}

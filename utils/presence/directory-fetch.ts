import * as v from 'valibot';
import { MAX_NAME_LENGTH, UserIdSchema, type UserId } from '../protocol/schemas';
import type { DirectorySettings } from '../settings/schema';

export type DirectoryErrorCode = 'http' | 'network' | 'too-large' | 'not-json' | 'not-a-list';

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
}

const MAX_RESPONSE_BYTES = 8 * 1024 * 1024;
const MAX_USERS = 100_000;

/** Reads the host system's user list: an array of objects with an id and a name field. Pure. */
export function readDirectoryList(json: unknown, settings: Pick<DirectorySettings, 'idField' | 'nameField'>): DirectoryList {
  if (!Array.isArray(json)) throw new DirectoryError('not-a-list', 'the user list is not a JSON array');
  const entries: [UserId, string][] = [];
  let skipped = 0;
  for (const item of json.slice(0, MAX_USERS)) {
    const record = typeof item === 'object' && item !== null ? (item as Record<string, unknown>) : {};
    const id = v.safeParse(UserIdSchema, record[settings.idField]);
    const name = record[settings.nameField];
    if (id.success && typeof name === 'string' && name.trim()) {
      entries.push([id.output, name.trim().slice(0, MAX_NAME_LENGTH)]);
    } else skipped++;
  }
  return { entries, skipped: skipped + Math.max(0, json.length - MAX_USERS) };
}

/** Fetches the list with the host's cookies (the background holds the host permission). */
export async function fetchDirectory(
  settings: DirectorySettings,
  fetchImpl: typeof fetch,
  signal: AbortSignal,
): Promise<DirectoryList> {
  let response: Response;
  try {
    response = await fetchImpl(settings.url, { credentials: 'include', signal, headers: { Accept: 'application/json' } });
  } catch (error) {
    throw new DirectoryError('network', `could not reach ${settings.url}: ${String(error)}`);
  }
  if (!response.ok) throw new DirectoryError('http', `${settings.url} answered ${response.status}`);
  const declared = Number(response.headers.get('content-length') ?? 0);
  if (declared > MAX_RESPONSE_BYTES) throw new DirectoryError('too-large', `the user list is ${declared} bytes`);
  const text = await response.text();
  if (text.length > MAX_RESPONSE_BYTES) throw new DirectoryError('too-large', `the user list is over ${MAX_RESPONSE_BYTES} bytes`);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new DirectoryError('not-json', 'the user list is not JSON');
  }
  return readDirectoryList(json, settings);
}

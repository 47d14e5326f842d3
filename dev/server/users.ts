import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as v from 'valibot';
import { MAX_ID_LENGTH, MAX_NAME_LENGTH } from '../../utils/core/protocol/limits';
import type { UserRecord } from './types';

export const defaultUsersPath = fileURLToPath(new URL('../users.json', import.meta.url));

// Names go into one-line logs and HTML text: control characters have no business there.
const noControlCharacters = (text: string): boolean => !/[\u0000-\u001f\u007f]/.test(text);

const UserRecordSchema = v.object({
  id: v.pipe(v.string(), v.regex(/^\S+$/, 'must be non-empty, without spaces'), v.maxLength(MAX_ID_LENGTH)),
  name: v.pipe(
    v.string(),
    v.check((name) => name.trim().length > 0, 'must not be blank'),
    v.maxLength(MAX_NAME_LENGTH),
    v.check(noControlCharacters, 'must not contain control characters'),
  ),
  // It travels in a cookie and a query string: keep to characters that need no escaping there.
  token: v.pipe(v.string(), v.regex(/^[A-Za-z0-9._~+/=-]{8,4096}$/, 'must be 8+ cookie-safe characters')),
  department: v.optional(v.string()),
  email: v.optional(v.string()),
});

/** Checks a user table; throws an error naming the bad entry (never showing a token). */
export function validateUsers(raw: unknown, source: string): UserRecord[] {
  if (!Array.isArray(raw)) throw new Error(`${source}: expected a JSON array of users`);
  const users: UserRecord[] = [];
  const ids = new Map<string, number>();
  const tokens = new Map<string, number>();
  raw.forEach((entry: unknown, index) => {
    const label = `${source}: entry #${index}${describeId(entry)}`;
    const result = v.safeParse(UserRecordSchema, entry);
    if (!result.success) {
      const issue = result.issues[0];
      throw new Error(`${label}: ${v.getDotPath(issue) ?? '(entry)'} ${issue.message}`);
    }
    const user = result.output;
    const sameId = ids.get(user.id);
    if (sameId !== undefined) throw new Error(`${label}: duplicate id (also entry #${sameId})`);
    const sameToken = tokens.get(user.token);
    if (sameToken !== undefined) throw new Error(`${label}: same token as entry #${sameToken}`);
    ids.set(user.id, index);
    tokens.set(user.token, index);
    users.push(user);
  });
  if (users.length === 0) throw new Error(`${source}: no users`);
  return users;
}

export function loadUsers(path: string = defaultUsersPath): UserRecord[] {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`${path}: cannot read users (${error instanceof Error ? error.message : String(error)})`);
  }
  return validateUsers(raw, path);
}

function describeId(entry: unknown): string {
  if (typeof entry !== 'object' || entry === null || !('id' in entry)) return '';
  const { id } = entry;
  return typeof id === 'string' || typeof id === 'number' ? ` (id ${JSON.stringify(id).slice(0, 40)})` : '';
}

/** Lookups the server needs, built once. */
export interface UserTable {
  readonly list: readonly UserRecord[];
  byId(id: string): UserRecord | undefined;
  byToken(token: string | null | undefined): UserRecord | undefined;
}

export function createUserTable(users: readonly UserRecord[]): UserTable {
  const byId = new Map(users.map((user) => [user.id, user]));
  const byToken = new Map(users.map((user) => [user.token, user]));
  return {
    list: users,
    byId: (id) => byId.get(id),
    byToken: (token) => (token ? byToken.get(token) : undefined),
  };
}

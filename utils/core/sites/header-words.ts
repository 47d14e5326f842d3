/**
 * Which column headers name a user or a user id, in the host system's languages. Pure.
 * A bare "ID" column is taken only beside a user column: on its own it is as likely an order's id,
 * and even then it is only a guess (`idGuessed`) that the directory may overrule.
 */

const USER_HEADERS = new Set([
  'user',
  'users',
  'username',
  'user name',
  'name',
  'full name',
  '用户',
  '用户名',
  '姓名',
  '用户姓名',
  '名字',
]);
const USER_ID_HEADERS = new Set(['user id', 'userid', 'uid', '用户id', '用户 id', '用户编号']);
// Not "No.", "#" or "序号": those are row numbers, and a row number taken for an id marks the wrong person.
const BARE_ID_HEADERS = new Set(['id']);

/** Lower case, punctuation and sort arrows dropped, spaces collapsed: `User ▲` → `user`. */
export function normalizeHeader(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}#]+/gu, ' ')
    .trim();
}

export function isUserHeader(text: string): boolean {
  return USER_HEADERS.has(normalizeHeader(text));
}

export function isUserIdHeader(text: string): boolean {
  return USER_ID_HEADERS.has(normalizeHeader(text));
}

export function isBareIdHeader(text: string): boolean {
  return BARE_ID_HEADERS.has(normalizeHeader(text));
}

export interface UserColumns {
  /** 0-based positions in the header list; `undefined` when absent. */
  readonly name?: number;
  readonly id?: number;
  /** The id column is a bare "ID": maybe another numbering than the presence server's. */
  readonly idGuessed: boolean;
}

/** The name and id columns of a header row, or `undefined` when it is not a table of users. */
export function findUserColumns(headers: readonly string[]): UserColumns | undefined {
  const name = indexWhere(headers, isUserHeader);
  const userId = indexWhere(headers, isUserIdHeader);
  const id = userId ?? (name === undefined ? undefined : indexWhere(headers, isBareIdHeader));
  if (name === undefined && id === undefined) return undefined;
  return { name, id, idGuessed: userId === undefined };
}

function indexWhere(headers: readonly string[], test: (text: string) => boolean): number | undefined {
  const index = headers.findIndex(test);
  return index < 0 ? undefined : index;
}

/** Header text as a person would type it in a profile: compared after normalizing both. */
export function sameHeader(a: string, b: string): boolean {
  return normalizeHeader(a) === normalizeHeader(b);
}

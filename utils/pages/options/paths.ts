import type { Json } from './json';

/**
 * Dotted paths into plain settings data, as validation issues name fields: `serverUrl`,
 * `sites.profiles.0.id.header`. A numeric segment indexes an array. Pure and immutable: every
 * change returns a new value and leaves the old one as it was.
 */

type Container = Readonly<Record<string, Json>> | readonly Json[];

const isContainer = (value: unknown): value is Container => typeof value === 'object' && value !== null;

export function getPath(value: unknown, path: string): unknown {
  if (path === '') return value;
  let current: unknown = value;
  for (const segment of path.split('.')) {
    // Own fields only: `constructor` or `__proto__` in a path never reach Object.prototype.
    if (!isContainer(current) || !Object.hasOwn(current, segment)) return undefined;
    current = Array.isArray(current)
      ? (current as readonly Json[])[Number(segment)]
      : (current as Readonly<Record<string, Json>>)[segment];
  }
  return current;
}

/** `value` with the field at `path` set; `undefined` removes an object's key (an optional field left empty). */
export function setPath(value: Json, path: string, next: Json | undefined): Json {
  const [head = '', ...rest] = path.split('.');
  const child = rest.length === 0 ? next : setPath((getPath(value, head) ?? {}) as Json, rest.join('.'), next);
  if (Array.isArray(value)) {
    const copy = [...(value as readonly Json[])];
    if (child === undefined) copy.splice(Number(head), 1);
    else copy[Number(head)] = child;
    return copy;
  }
  const base = isContainer(value) ? (value as Readonly<Record<string, Json>>) : {};
  if (child === undefined) return Object.fromEntries(Object.entries(base).filter(([key]) => key !== head));
  return { ...base, [head]: child };
}

/** The list at `path`, or an empty one. */
export function listAt(value: unknown, path: string): readonly Json[] {
  const list = getPath(value, path);
  return Array.isArray(list) ? (list as readonly Json[]) : [];
}

/** Moves item `from` of the list at `path` to position `to`. */
export function moveItem(value: Json, path: string, from: number, to: number): Json {
  const list = [...listAt(value, path)];
  if (from < 0 || from >= list.length || to < 0 || to >= list.length) return value;
  const [item] = list.splice(from, 1);
  if (item !== undefined) list.splice(to, 0, item);
  return setPath(value, path, list);
}

/** Whether `path` is `prefix` itself or lies inside it (`sites.profiles.0.rows` inside `sites.profiles`). */
export function isWithinPath(path: string, prefix: string): boolean {
  return path === prefix || path.startsWith(`${prefix}.`);
}

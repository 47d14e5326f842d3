/**
 * Reads a dotted path (`data.user.id`) out of parsed JSON. Only own properties of plain objects
 * and array indexes are followed: a path such as `__proto__.x` or `toString` finds nothing,
 * whatever the host answered, and neither does a path with an empty segment (`data..id`, `''`),
 * even when the host's JSON happens to have an empty key. Pure.
 */
export function readPath(json: unknown, path: string): unknown {
  let value = json;
  for (const key of path.split('.')) {
    // `data..id` is a typo, not a path: `{"data":{"":{"id":…}}}` must not answer it.
    if (key === '') return undefined;
    if (Array.isArray(value)) {
      if (!/^(0|[1-9]\d*)$/.test(key)) return undefined;
      value = value[Number(key)];
    } else if (typeof value === 'object' && value !== null && Object.hasOwn(value, key)) {
      value = (value as Record<string, unknown>)[key];
    } else {
      return undefined;
    }
  }
  return value;
}

/** The first path that leads somewhere `check` accepts, with what it found. */
export function firstPath<T>(
  json: unknown,
  paths: readonly string[],
  check: (value: unknown) => T | undefined,
): { readonly path: string; readonly value: T } | undefined {
  for (const path of paths) {
    const value = check(readPath(json, path));
    if (value !== undefined) return { path, value };
  }
  return undefined;
}

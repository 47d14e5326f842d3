export type Json = null | boolean | number | string | readonly Json[] | { readonly [key: string]: Json };
type JsonObject = { readonly [key: string]: Json };

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `over` wins field by field; objects merge, arrays and scalars replace. Pure. */
export function mergeSettings(base: unknown, over: unknown): unknown {
  if (!isObject(base) || !isObject(over)) return over === undefined ? base : over;
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(over)) merged[key] = mergeSettings(base[key], value);
  return merged;
}

/** Dotted paths of every leaf in `value` (arrays count as leaves): what a policy locks. */
export function leafPaths(value: unknown, prefix = ''): string[] {
  if (!isObject(value)) return prefix ? [prefix] : [];
  return Object.entries(value).flatMap(([key, child]) => leafPaths(child, prefix ? `${prefix}.${key}` : key));
}

/** A copy of `value` without the leaf at `path`. */
export function withoutPath(value: unknown, path: string): unknown {
  if (!isObject(value)) return value;
  const [head = '', ...rest] = path.split('.');
  if (!(head in value)) return value;
  if (rest.length === 0) return Object.fromEntries(Object.entries(value).filter(([key]) => key !== head));
  return { ...value, [head]: withoutPath(value[head], rest.join('.')) };
}

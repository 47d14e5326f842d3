export type Json = null | boolean | number | string | readonly Json[] | { readonly [key: string]: Json };
type JsonObject = { readonly [key: string]: Json };

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Keys that reach into an object's prototype rather than hold a value: `merged.__proto__ = x`
 * would make `x`'s fields look like settings (a policy `{"__proto__": {"serverUrl": …}}` once
 * applied that way, and was never shown as locked). No setting has such a name, so they are refused
 * in every merge and never listed as a path.
 */
const PROTOTYPE_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

export function isPrototypeKey(key: string): boolean {
  return PROTOTYPE_KEYS.has(key);
}

function ownEntries(value: JsonObject): [string, Json][] {
  return Object.entries(value).filter(([key]) => !isPrototypeKey(key));
}

/** `value` without prototype keys, at every depth of its objects. */
function clean(value: unknown): unknown {
  return isObject(value) ? Object.fromEntries(ownEntries(value).map(([key, child]) => [key, clean(child)])) : value;
}

/** `over` wins field by field; objects merge, arrays and scalars replace; prototype keys are dropped. Pure. */
export function mergeSettings(base: unknown, over: unknown): unknown {
  if (!isObject(over)) return clean(over === undefined ? base : over);
  const merged = (isObject(base) ? clean(base) : {}) as Record<string, unknown>;
  for (const [key, value] of ownEntries(over))
    merged[key] = mergeSettings(isObject(base) && Object.hasOwn(base, key) ? base[key] : undefined, value);
  return merged;
}

/** Dotted paths of every leaf in `value` (arrays count as leaves): what a policy locks. */
export function leafPaths(value: unknown, prefix = ''): string[] {
  if (!isObject(value)) return prefix ? [prefix] : [];
  return ownEntries(value).flatMap(([key, child]) => leafPaths(child, prefix ? `${prefix}.${key}` : key));
}

/** Dotted paths of the prototype keys in `value`, which `mergeSettings` refuses: to be reported. */
export function prototypeKeyPaths(value: unknown, prefix = ''): string[] {
  if (!isObject(value)) return [];
  return Object.entries(value).flatMap(([key, child]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    return isPrototypeKey(key) ? [path] : prototypeKeyPaths(child, path);
  });
}

/** A copy of `value` without the leaf at `path`. */
export function withoutPath(value: unknown, path: string): unknown {
  if (!isObject(value)) return value;
  const [head = '', ...rest] = path.split('.');
  if (!Object.hasOwn(value, head)) return value;
  if (rest.length === 0) return Object.fromEntries(Object.entries(value).filter(([key]) => key !== head));
  return { ...value, [head]: withoutPath(value[head], rest.join('.')) };
}

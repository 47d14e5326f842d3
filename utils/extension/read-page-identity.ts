import type { PageIdentityConfig, PageReading } from '../core/identity/page-reading';

/**
 * Reads the signed-in user from the host page: the storage key first, then the element. `null` when
 * neither is configured. Self-contained on purpose (no imports, no closures): the options page's
 * Test runs this very function in a host tab through `scripting.executeScript`.
 */
export function readPageIdentity(config: PageIdentityConfig): PageReading | null {
  // Constants live in here too: a module-level one would be missing where the function is injected.
  // Stored values bigger than this are not parsed: a user record is a few hundred bytes, a whole store rarely 100 KB.
  const MAX_VALUE_CHARS = 512 * 1024;
  const MAX_NAME_CHARS = 200;
  // As `UserIdSchema` and the message schema have it: a longer id would get the whole reading dropped
  // on its way to the background, and the status would never say why.
  const MAX_ID_CHARS = 128;
  const follow = (json: unknown, path: string): unknown => {
    let value = json;
    for (const key of path.split('.')) {
      // `data..id` is a typo, not a path, whatever empty keys the page's JSON has.
      if (key === '') return undefined;
      if (Array.isArray(value) && /^(0|[1-9]\d*)$/.test(key)) value = value[Number(key)];
      else if (typeof value === 'object' && value !== null && !Array.isArray(value) && Object.hasOwn(value, key))
        value = (value as Record<string, unknown>)[key];
      else return undefined;
    }
    return value;
  };
  const asId = (value: unknown): string | number | undefined => {
    if (typeof value === 'number') return Number.isSafeInteger(value) ? value : undefined;
    const id = typeof value === 'string' ? value.trim() : '';
    return id && id.length <= MAX_ID_CHARS ? id : undefined;
  };
  const clean = (value: unknown) => (typeof value === 'string' ? value.trim().slice(0, MAX_NAME_CHARS) : '');

  if (config.key) {
    const spot = config.storage;
    let text: string | null;
    try {
      text = window[spot].getItem(config.key);
    } catch {
      // Storage is off for this site (blocked cookies) or the frame is sandboxed.
      return { ok: false, problem: 'blocked', spot };
    }
    if (text !== null) {
      if (text.length > MAX_VALUE_CHARS) return { ok: false, problem: 'too-large', spot };
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        // Unquoted text could be anything, a session token included: never taken for an id.
        return { ok: false, problem: 'not-json', spot };
      }
      // A JSON string or number under the key is the id itself (`localStorage.userId = 42`).
      const values =
        typeof json === 'object' && json !== null ? config.idPaths.map((path) => follow(json, path)) : [json];
      const id = values.map(asId).find((candidate) => candidate !== undefined);
      if (id === undefined) return { ok: false, problem: 'no-id', spot };
      const names =
        typeof json === 'object' && json !== null ? config.namePaths.map((path) => clean(follow(json, path))) : [];
      return { ok: true, id, name: names.find(Boolean) ?? '', spot };
    }
    if (!config.selector) return { ok: false, problem: 'not-found', spot };
  }
  if (config.selector) {
    let element: Element | null;
    try {
      element = document.querySelector(config.selector);
    } catch {
      return { ok: false, problem: 'bad-selector', spot: 'element' };
    }
    if (!element) return { ok: false, problem: 'not-found', spot: 'element' };
    const text = clean(element.textContent);
    const id = asId(config.attribute ? element.getAttribute(config.attribute) : element.textContent);
    if (id === undefined) return { ok: false, problem: 'no-id', spot: 'element' };
    return { ok: true, id, name: config.attribute ? text : '', spot: 'element' };
  }
  return null;
}

import type { CookieApi, CookieChange } from '../../utils/background/auth/cookie-token';

/** A cookie jar for one site: `set`/`remove` fire `onChanged` the way browsers do. */
export class FakeCookies implements CookieApi {
  readonly #values = new Map<string, string>();
  readonly #listeners = new Set<(change: CookieChange) => void>();

  readonly onChanged = {
    addListener: (listener: (change: CookieChange) => void) => void this.#listeners.add(listener),
    removeListener: (listener: (change: CookieChange) => void) => void this.#listeners.delete(listener),
  };

  get(details: { url: string; name: string }): Promise<{ value: string } | null> {
    const value = this.#values.get(details.name);
    return Promise.resolve(value === undefined ? null : { value });
  }

  set(name: string, value: string): void {
    // Browsers report an overwrite as a removal (cause "overwrite") and then the new cookie.
    if (this.#values.has(name)) this.#emit({ removed: true, cause: 'overwrite', cookie: { name } });
    this.#values.set(name, value);
    this.#emit({ removed: false, cause: 'explicit', cookie: { name } });
  }

  remove(name: string): void {
    if (!this.#values.delete(name)) return;
    this.#emit({ removed: true, cause: 'explicit', cookie: { name } });
  }

  #emit(change: CookieChange): void {
    for (const listener of [...this.#listeners]) listener(change);
  }
}

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** An unsigned-looking JWT with these claims (we never verify signatures). */
export function fakeJwt(claims: Record<string, unknown>): string {
  return `${base64url({ alg: 'HS256', typ: 'JWT' })}.${base64url(claims)}.c2ln`;
}

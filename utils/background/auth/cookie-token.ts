import type { AuthSettings } from '../../core/settings/schema';

/** The part of `browser.cookies` we use; injected so tests can drive logins and logouts. */
export interface CookieApi {
  get(details: { url: string; name: string }): Promise<{ value: string } | null | undefined>;
  onChanged: {
    addListener(listener: (change: CookieChange) => void): void;
    removeListener(listener: (change: CookieChange) => void): void;
  };
}

export interface CookieChange {
  readonly removed: boolean;
  readonly cause: string;
  readonly cookie: { readonly name: string };
}

export interface TokenSource {
  /** The current token, read fresh; `undefined` when signed out. */
  read(): Promise<string | undefined>;
  /** Calls back with the new token (or `undefined`) each time it really changes. */
  watch(listener: (token: string | undefined) => void, signal: AbortSignal): void;
}

/**
 * The host site's login cookie (the legacy `USERTOKEN`), read only here in the background; the
 * token then lives in memory and never reaches storage, logs, messages or pages.
 */
export function cookieTokenSource(auth: AuthSettings, cookies: CookieApi): TokenSource {
  const read = async (): Promise<string | undefined> => {
    if (!auth.cookieUrl) return undefined;
    const cookie = await cookies.get({ url: auth.cookieUrl, name: auth.cookieName });
    return cookie?.value ? decodeCookieValue(cookie.value) : undefined;
  };

  const watch = (listener: (token: string | undefined) => void, signal: AbortSignal): void => {
    // A failed read (e.g. host permission revoked) counts as signed out.
    const safeRead = () => read().catch(() => undefined);
    let last = safeRead();
    const onChanged = (change: CookieChange) => {
      if (change.cookie.name !== auth.cookieName) return;
      // An overwrite is reported as a removal followed by the new cookie: wait for the latter.
      if (change.removed && change.cause === 'overwrite') return;
      const previous = last;
      const next = safeRead();
      last = next;
      void Promise.all([previous, next]).then(([before, after]) => {
        if (before !== after && !signal.aborted) listener(after);
      });
    };
    cookies.onChanged.addListener(onChanged);
    signal.addEventListener('abort', () => cookies.onChanged.removeListener(onChanged), { once: true });
  };

  return { read, watch };
}

function decodeCookieValue(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

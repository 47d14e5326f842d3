import { browser } from 'wxt/browser';

/**
 * `signal`, for listeners on extension APIs: after an extension reload those APIs throw
 * "Extension context invalidated" on every call, removing a listener included, and the listeners
 * are gone with the old context anyway. So this one aborts only while the extension is still there.
 */
export function whileExtensionAlive(signal: AbortSignal): AbortSignal {
  const alive = new AbortController();
  signal.addEventListener(
    'abort',
    () => {
      // Typed as always there; in an orphaned content script `runtime` (or its id) is gone.
      const runtime = browser.runtime as { id?: string } | undefined;
      if (runtime?.id) alive.abort(signal.reason);
    },
    { once: true },
  );
  return alive.signal;
}

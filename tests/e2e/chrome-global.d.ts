import type { browser } from 'wxt/browser';

declare global {
  /** The extension API inside `worker.evaluate(...)` callbacks, which run in the service worker. */
  const chrome: typeof browser;
}

import type { NetworkMonitor } from '../connection/types';
import { globalTimers, type Timers } from '../../core/timers';

/**
 * How often `navigator.onLine` is read. Chromium keeps `navigator.onLine` true to the network in a
 * service worker but fires no `online` / `offline` events there (checked in Chromium 156 with
 * DevTools' offline mode on the worker: no event either way). Without looking, Roster would retry
 * while offline and wait out its backoff once the network is back.
 */
export const NETWORK_POLL_MS = 500;

/**
 * The browser's own idea of being online (`navigator.onLine`), in a worker or a page: its events
 * where the browser fires them (Firefox's background page), and a look every 500 ms where it does
 * not. Each listener hears of every change once, whichever noticed it first.
 */
export function browserNetwork(scope: EventTarget = globalThis, timers: Timers = globalTimers): NetworkMonitor {
  return {
    isOnline: () => navigator.onLine,
    subscribe(listener, signal) {
      let last = navigator.onLine;
      const report = (online: boolean): void => {
        if (signal.aborted || online === last) return;
        last = online;
        listener(online);
      };
      scope.addEventListener('online', () => report(true), { signal });
      scope.addEventListener('offline', () => report(false), { signal });
      let poll = timers.setTimeout(function look() {
        report(navigator.onLine);
        // The listener may have ended the subscription just now.
        if (!signal.aborted) poll = timers.setTimeout(look, NETWORK_POLL_MS);
      }, NETWORK_POLL_MS);
      signal.addEventListener('abort', () => timers.clearTimeout(poll), { once: true });
    },
  };
}

import type { NetworkMonitor } from '../connection/types';

/** The browser's own idea of being online (`navigator.onLine` and its events), in a worker or a page. */
export function browserNetwork(scope: EventTarget = globalThis): NetworkMonitor {
  return {
    isOnline: () => navigator.onLine,
    subscribe(listener, signal) {
      scope.addEventListener('online', () => listener(true), { signal });
      scope.addEventListener('offline', () => listener(false), { signal });
    },
  };
}

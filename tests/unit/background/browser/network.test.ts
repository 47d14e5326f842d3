import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { browserNetwork, NETWORK_POLL_MS } from '../../../../utils/background/browser/network';
import type { Timers } from '../../../../utils/core/timers';

/**
 * Chromium's service worker changes `navigator.onLine` but fires no online/offline events; a page
 * (Firefox's background page) fires both. Either way each change must reach Roster once, soon.
 */

let onLine = true;
const timers: Timers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle),
};

beforeEach(() => {
  vi.useFakeTimers();
  onLine = true;
  vi.spyOn(navigator, 'onLine', 'get').mockImplementation(() => onLine);
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

function watch() {
  const scope = new EventTarget();
  const heard: boolean[] = [];
  const life = new AbortController();
  const network = browserNetwork(scope, timers);
  network.subscribe((online) => heard.push(online), life.signal);
  /** The network changes, announced by an event or (like a Chromium worker) silently. */
  const go = (online: boolean, withEvent: boolean): void => {
    onLine = online;
    if (withEvent) scope.dispatchEvent(new Event(online ? 'online' : 'offline'));
  };
  return { network, heard, life, go };
}

describe('browserNetwork', () => {
  test.each([
    { how: 'with events (a page)', withEvent: true, heardAfterMs: 0 },
    { how: 'without events (a Chromium service worker)', withEvent: false, heardAfterMs: NETWORK_POLL_MS },
  ])('$how: offline and back are each heard once, within $heardAfterMs ms', async ({ withEvent, heardAfterMs }) => {
    const { network, heard, go } = watch();
    go(false, withEvent);
    await vi.advanceTimersByTimeAsync(heardAfterMs);
    expect(heard).toEqual([false]);
    expect(network.isOnline()).toBe(false);
    go(true, withEvent);
    await vi.advanceTimersByTimeAsync(heardAfterMs);
    await vi.advanceTimersByTimeAsync(10 * NETWORK_POLL_MS);
    expect(heard).toEqual([false, true]);
  });

  test('a blip shorter than one look is not heard without events, and no state is repeated', async () => {
    const { heard, go } = watch();
    await vi.advanceTimersByTimeAsync(NETWORK_POLL_MS / 2);
    go(false, false);
    go(true, false);
    await vi.advanceTimersByTimeAsync(10 * NETWORK_POLL_MS);
    expect(heard).toEqual([]);
  });

  test('after abort: no events heard, and no timer left behind', async () => {
    const { heard, life, go } = watch();
    life.abort();
    go(false, true);
    await vi.advanceTimersByTimeAsync(10 * NETWORK_POLL_MS);
    expect(heard).toEqual([]);
    expect(vi.getTimerCount()).toBe(0);
  });

  test('a listener that ends its subscription when it hears leaves no timer behind', async () => {
    const scope = new EventTarget();
    const life = new AbortController();
    browserNetwork(scope, timers).subscribe(() => life.abort(), life.signal);
    onLine = false;
    await vi.advanceTimersByTimeAsync(NETWORK_POLL_MS);
    expect(life.signal.aborted).toBe(true);
    expect(vi.getTimerCount()).toBe(0);
  });
});

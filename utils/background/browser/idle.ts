import { browser } from 'wxt/browser';

/**
 * "Away" after `minutes` without input (or with the screen locked), from the `idle` API; 0 turns
 * it off. Re-called on every settings change: listeners end with `signal`.
 */
export function followIdle(minutes: number, onAway: (away: boolean) => void, signal: AbortSignal): void {
  if (minutes === 0) {
    onAway(false);
    return;
  }
  const seconds = minutes * 60;
  browser.idle.setDetectionInterval(seconds);
  const listener = (state: string) => onAway(state !== 'active');
  browser.idle.onStateChanged.addListener(listener);
  signal.addEventListener('abort', () => browser.idle.onStateChanged.removeListener(listener), { once: true });
  void browser.idle.queryState(seconds).then((state) => !signal.aborted && listener(state));
}

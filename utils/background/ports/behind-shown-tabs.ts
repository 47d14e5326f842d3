import type { Timers, TimerHandle } from '../../core/timers';

/**
 * How long a tab nobody is looking at waits for a presence change: long enough for the shown
 * tab's renderer to take the change, mark it and paint, before the other tabs' renderers compete
 * with it for the cores. A tab brought to the front gets what it waits for at once.
 */
export const BEHIND_SHOWN_TABS_MS = 50;

export interface HeldPost<T> {
  /** Posts `message` now, after anything held (messages stay in order). */
  now(message: T): void;
  /** Posts `message` now if the tab is shown, else holds it for `BEHIND_SHOWN_TABS_MS`. */
  soon(message: T): void;
  /** Posts everything held (the tab came to the front). */
  flush(): void;
}

/**
 * One port's messages, with the ones that may wait held back while its tab is not shown. Only
 * changes of a picture the tab already has may wait (presence, names): calls and replies go now,
 * and take what is held with them.
 */
export function holdBehindShownTabs<T>(
  post: (message: T) => void,
  isShown: () => boolean,
  timers: Timers,
  signal: AbortSignal,
): HeldPost<T> {
  let held: T[] = [];
  let timer: TimerHandle | undefined;
  const flush = () => {
    if (timer !== undefined) timers.clearTimeout(timer);
    timer = undefined;
    const out = held;
    held = [];
    for (const message of out) post(message);
  };
  signal.addEventListener(
    'abort',
    () => {
      if (timer !== undefined) timers.clearTimeout(timer);
      held = [];
    },
    { once: true },
  );
  return {
    now(message) {
      if (held.length > 0) flush();
      post(message);
    },
    soon(message) {
      if (signal.aborted) return;
      if (held.length === 0 && isShown()) {
        post(message);
        return;
      }
      held.push(message);
      timer ??= timers.setTimeout(flush, BEHIND_SHOWN_TABS_MS);
    },
    flush,
  };
}

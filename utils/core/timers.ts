/** Timers and a clock, injected wherever time matters so tests drive it; one handle type for all. */

export type TimerHandle = ReturnType<typeof setTimeout>;

export interface Timers {
  setTimeout(callback: () => void, ms: number): TimerHandle;
  clearTimeout(handle: TimerHandle): void;
}

/** The timers of the page or worker this runs in. */
export const globalTimers: Timers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle),
};

export interface Clock {
  now(): number;
}

/**
 * The longest delay `setTimeout` holds: browsers and Node store it in a signed 32-bit integer, and
 * a longer one (a date in year 9999, a clock far off) fires at once. A timer that re-arms itself
 * from such a date would then spin.
 */
export const MAX_TIMER_DELAY_MS = 2 ** 31 - 1;

/** `ms` within [0, MAX_TIMER_DELAY_MS]; NaN is 0, as `setTimeout` reads it. Pure. */
export function clampDelay(ms: number): number {
  if (Number.isNaN(ms)) return 0;
  return Math.min(Math.max(ms, 0), MAX_TIMER_DELAY_MS);
}

/**
 * `timers` with every delay clamped: the real timers are wrapped once where they are made, so no
 * delay computed from data (a server's time, a stored record) can overflow anywhere. A timer
 * that fires early because of the clamp finds its deadline not yet reached and arms again.
 */
export function clampedTimers(timers: Timers): Timers {
  return {
    setTimeout: (callback, ms) => timers.setTimeout(callback, clampDelay(ms)),
    clearTimeout: (handle) => timers.clearTimeout(handle),
  };
}

import type { Timers } from '../../utils/core/timers';

/** The platform's timers, as the code under test takes them (vitest's fake timers replace these when a test asks). */
export const realTimers: Timers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle),
};

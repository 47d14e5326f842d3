import type { BackoffOptions } from './types';

/** Past this, base·2^n is far beyond any sane cap; clamping keeps `0 · 2^n` from becoming NaN. */
const MAX_EXPONENT = 50;

/** The largest wait before retry number `attempt` (0-based): base·2^attempt, never above the cap. */
export function backoffCeiling(attempt: number, options: Pick<BackoffOptions, 'baseMs' | 'capMs'>): number {
  const exponent = Math.min(MAX_EXPONENT, Math.max(0, Math.floor(attempt)));
  return Math.min(options.capMs, options.baseMs * 2 ** exponent);
}

/**
 * Full jitter: uniform in [0, ceiling). When a server restarts, every client loses its socket at
 * the same instant; spreading the retries over the whole window keeps them from returning in
 * lockstep (the recipe's fixed 4 s retry did exactly that).
 */
export function backoffDelay(
  attempt: number,
  options: Pick<BackoffOptions, 'baseMs' | 'capMs'>,
  random: () => number,
): number {
  const r = Math.min(1, Math.max(0, random()));
  return r * backoffCeiling(attempt, options);
}

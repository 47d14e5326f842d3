import type { UserId } from '../protocol/schemas';

/**
 * At most one alert per caller per window: a burst of calls (or a hostile sender) gets one
 * notification and one ring, not five hundred. Pure apart from its own memory; the clock is passed in.
 */
export class FloodGate {
  readonly #lastAlert = new Map<UserId, number>();

  constructor(readonly windowMs: number) {}

  /** True when `caller` may alert now; then the window starts again for them. */
  admit(caller: UserId, now: number): boolean {
    const last = this.#lastAlert.get(caller);
    if (last !== undefined && now - last < this.windowMs) return false;
    this.#lastAlert.set(caller, now);
    if (this.#lastAlert.size > 1_000) this.#forgetBefore(now - this.windowMs);
    return true;
  }

  #forgetBefore(time: number): void {
    for (const [caller, at] of this.#lastAlert) if (at < time) this.#lastAlert.delete(caller);
  }
}

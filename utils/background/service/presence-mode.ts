import type { TimerHandle, Timers } from '../../core/timers';
import type { PresenceSettings } from '../../core/settings/schema';

/**
 * Presence mode "only while an admin page is open": wants the connection while at least one host
 * tab has Roster in it. Closing the last one waits a grace period first, so reloading or moving
 * between admin pages does not flicker me offline for everyone.
 */
export class PresenceModeGate {
  #mode: PresenceSettings['mode'] = 'always';
  #hostTabs = 0;
  #leaving: TimerHandle | undefined;
  readonly #setWanted: (wanted: boolean) => void;
  readonly #timers: Timers;
  readonly #graceMs: number;

  constructor(setWanted: (wanted: boolean) => void, timers: Timers, graceMs = 10_000) {
    this.#setWanted = setWanted;
    this.#timers = timers;
    this.#graceMs = graceMs;
  }

  configure(mode: PresenceSettings['mode']): void {
    this.#mode = mode;
    this.#evaluate();
  }

  hostTabsChanged(count: number): void {
    this.#hostTabs = count;
    this.#evaluate();
  }

  #evaluate(): void {
    if (this.#mode === 'always' || this.#hostTabs > 0) {
      if (this.#leaving !== undefined) this.#timers.clearTimeout(this.#leaving);
      this.#leaving = undefined;
      this.#setWanted(true);
      return;
    }
    this.#leaving ??= this.#timers.setTimeout(() => {
      this.#leaving = undefined;
      this.#setWanted(false);
    }, this.#graceMs);
  }
}

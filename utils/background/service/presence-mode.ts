import type { Timers } from '../connection/types';
import type { PresenceSettings } from '../../core/settings/schema';

/**
 * Presence mode "only while an admin page is open": wants the connection while at least one host
 * tab has Roster in it. Closing the last one waits a grace period first, so reloading or moving
 * between admin pages does not flicker me offline for everyone.
 */
export class PresenceModeGate {
  #mode: PresenceSettings['mode'] = 'always';
  #hostTabs = 0;
  #leaving: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly setWanted: (wanted: boolean) => void,
    private readonly timers: Timers,
    private readonly graceMs = 10_000,
  ) {}

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
      if (this.#leaving !== undefined) this.timers.clearTimeout(this.#leaving);
      this.#leaving = undefined;
      this.setWanted(true);
      return;
    }
    this.#leaving ??= this.timers.setTimeout(() => {
      this.#leaving = undefined;
      this.setWanted(false);
    }, this.graceMs);
  }
}

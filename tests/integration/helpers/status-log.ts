import type { ConnectionStatus } from '../../../utils/core/messages/connection-status';
import type { RosterService } from '../../../utils/background/service/service';

export interface TimedStatus {
  /** `Date.now()` when the service published it. */
  readonly at: number;
  readonly status: ConnectionStatus;
}

/**
 * Every connection status the service publishes, with the wall-clock time it did, so a test can
 * measure how long detection and reconnection took rather than only that they happened.
 */
export class StatusLog {
  readonly entries: TimedStatus[] = [];
  readonly #waiters = new Set<() => void>();

  constructor(service: RosterService, signal: AbortSignal) {
    service.subscribe((event) => {
      if (event.type !== 'connection') return;
      this.entries.push({ at: Date.now(), status: event.status });
      for (const wake of [...this.#waiters]) wake();
    }, signal);
  }

  /** The first status after index `from` that matches, waiting up to `timeoutMs` for it. */
  next(
    matches: (status: ConnectionStatus) => boolean,
    from: number,
    timeoutMs: number,
  ): Promise<TimedStatus & { readonly index: number }> {
    return new Promise((resolve, reject) => {
      const check = (): boolean => {
        const index = this.entries.findIndex((entry, at) => at >= from && matches(entry.status));
        const entry = this.entries[index];
        if (!entry) return false;
        finish();
        resolve({ ...entry, index });
        return true;
      };
      const timer = setTimeout(() => {
        finish();
        const seen = this.entries.slice(from).map(({ status }) => status.reason ?? status.phase);
        reject(new Error(`no matching status within ${timeoutMs} ms; seen: ${seen.join(', ')}`));
      }, timeoutMs);
      const finish = (): void => {
        clearTimeout(timer);
        this.#waiters.delete(wake);
      };
      const wake = (): void => void check();
      if (!check()) this.#waiters.add(wake);
    });
  }
}

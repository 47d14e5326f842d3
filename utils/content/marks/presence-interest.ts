import type { Timers } from '../../core/timers';
import { createLogger } from '../../core/log';
import type { RosterClient } from '../../core/roster-client';

const log = createLogger('content');

/**
 * A page (or frame) that has shown no user rows for this long asks the background not to send it
 * presence and names changes: an iframe shell's dashboards and forms then cost nothing per change.
 * Long enough that a table loaded by the host's own request never waits on it.
 */
export const QUIET_AFTER_MS = 5_000;

export interface PresenceInterestDeps {
  readonly timers: Timers;
  /** The background stopped sending changes: what the page shows from now on is not known to be current. */
  readonly quieted: () => void;
}

export interface PresenceInterest {
  /** After every marking pass: whether the page has rows (marked, or waiting for a name) now. */
  rows(present: boolean): void;
}

/**
 * Goes quiet after `QUIET_AFTER_MS` without rows; when rows come back, asks for changes again and
 * for a fresh snapshot (it arrives as a `state` event, which brings every mark up to date). A new
 * port (the worker restarted) starts loud, so a `state` while quiet starts the wait over.
 */
export function followPresenceInterest(
  client: RosterClient,
  deps: PresenceInterestDeps,
  signal: AbortSignal,
): PresenceInterest {
  let present = true;
  let quiet = false;
  let timer: ReturnType<Timers['setTimeout']> | undefined;

  const tell = (on: boolean) =>
    client
      .request({ op: 'quiet', on })
      .catch((error: unknown) => log.debug('could not tell the background about rows', error));
  const cancel = () => {
    if (timer !== undefined) deps.timers.clearTimeout(timer);
    timer = undefined;
  };
  const arm = () => {
    if (timer !== undefined || quiet || signal.aborted) return;
    timer = deps.timers.setTimeout(() => {
      timer = undefined;
      if (present || signal.aborted) return;
      quiet = true;
      deps.quieted();
      void tell(true);
    }, QUIET_AFTER_MS);
  };

  client.subscribe((_, event) => {
    if (event.type !== 'state' || !quiet) return;
    quiet = false;
    if (!present) arm();
  }, signal);
  signal.addEventListener('abort', cancel, { once: true });

  return {
    rows(next) {
      present = next;
      if (!present) return arm();
      cancel();
      if (!quiet) return;
      quiet = false;
      void tell(false);
      client.resync();
    },
  };
}

import type { CookieApi } from '../auth/cookie-token';
import type { Clock, NetworkMonitor, OutboxOptions, SocketFactory, Timers } from '../connection/types';

/** The outside world of the background core; the entrypoint passes the real ones, tests fakes. */
export interface RosterDeps {
  readonly createSocket: SocketFactory;
  readonly cookies: CookieApi;
  readonly fetch: typeof fetch;
  readonly timers: Timers;
  readonly clock: Clock;
  readonly random: () => number;
  readonly network: NetworkMonitor;
  /** Queue limits for calls made while disconnected; the defaults (50, 60 s) when absent. */
  readonly outbox?: OutboxOptions;
}

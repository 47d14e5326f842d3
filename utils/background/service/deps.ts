import type { CookieApi } from '../auth/cookie-token';
import type { CallHistory } from '../../core/calls/history';
import type { CallEffects } from '../calls/inbox';
import type { NetworkMonitor, OutboxOptions, SocketFactory } from '../connection/types';
import type { Clock, Timers } from '../../core/timers';
import type { LearnedStore } from '../identity/identity-tracker';

/** The outside world of the background core; the entrypoint passes the real ones, tests fakes. */
export interface RosterDeps {
  readonly createSocket: SocketFactory;
  readonly cookies: CookieApi;
  readonly fetch: typeof fetch;
  readonly timers: Timers;
  readonly clock: Clock;
  readonly random: () => number;
  /** A unique id for each call record, also across worker restarts: `crypto.randomUUID()`. */
  readonly newCallId: () => string;
  readonly network: NetworkMonitor;
  /** Notifications, ring and badge. */
  readonly callEffects: CallEffects;
  /** Persists the call log (it must survive a worker restart for calls to be shown once). */
  readonly saveCalls: (history: CallHistory) => Promise<void>;
  /** The active tab, if a host page with Roster in it: toasts go there only. */
  readonly activeHostTab: () => Promise<number | null>;
  /** Saves a user preference changed from a view (Do Not Disturb). */
  readonly saveDoNotDisturb: (on: boolean) => Promise<void>;
  /** Which of these host-permission patterns are not granted (all granted: empty). */
  readonly missingOrigins: (origins: readonly string[]) => Promise<string[]>;
  /** A one-way digest of the sign-in token: what identities are bound to, and all that is stored of it. */
  readonly hashToken: (token: string) => Promise<string>;
  /** Identities learned from the server, per token hash. */
  readonly learned: LearnedStore;
  /** Queue limits for calls made while disconnected; the defaults (50, 60 s) when absent. */
  readonly outbox?: OutboxOptions;
}

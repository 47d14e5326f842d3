import type { Clock, Timers } from '../../core/timers';

/** What the outside world looks like to the connection: all of it injected so tests drive it. */

/**
 * An event handler property. Declared through a method so its parameter is checked bivariantly:
 * with a plain function type a real `WebSocket` (whose handlers take a DOM `Event`) is not
 * assignable to `SocketLike`, and fakes could not call the handlers with plain objects.
 */
export type SocketHandler<E> = { handle(event: E): void }['handle'];

/** The part of the DOM `WebSocket` the connection uses; a real `WebSocket` is assignable to it. */
export interface SocketLike {
  readonly readyState: number;
  binaryType: string;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: SocketHandler<unknown> | null;
  onmessage: SocketHandler<{ data: unknown }> | null;
  onerror: SocketHandler<unknown> | null;
  onclose: SocketHandler<{ code: number; reason: string; wasClean: boolean }> | null;
}

export type SocketFactory = (url: string) => SocketLike;

export interface NetworkMonitor {
  isOnline(): boolean;
  /** Calls back on every online/offline transition until `signal` aborts. */
  subscribe(listener: (online: boolean) => void, signal: AbortSignal): void;
}

export interface BackoffOptions {
  readonly baseMs: number;
  readonly capMs: number;
  /** A connection that stayed up this long resets the attempt count. */
  readonly resetAfterMs: number;
}

export interface ConnectionOptions {
  /** The server's WebSocket URL without the token. */
  readonly serverUrl: string;
  readonly heartbeatIntervalMs: number;
  readonly heartbeatPayload: string;
  readonly unauthorizedCloseCodes: readonly number[];
  readonly backoff: BackoffOptions;
  /** After this many failures in a row that never reached `open`, retry only every `slowRetryMs`… */
  readonly cannotReachAfter: number;
  /**
   * …once they have gone on this long. Jittered retries can fail five times within a second, and a
   * server that restarts refuses exactly like one that refuses the handshake: without this, a
   * restart of a second or two parked some clients in the one-minute wait.
   */
  readonly cannotReachAfterMs: number;
  readonly slowRetryMs: number;
}

export interface ConnectionDeps {
  readonly createSocket: SocketFactory;
  /** Read fresh before every attempt; `undefined` means signed out. */
  readonly getToken: () => Promise<string | undefined>;
  readonly timers: Timers;
  readonly clock: Clock;
  /** Uniform in [0, 1): the jitter source. */
  readonly random: () => number;
  readonly network: NetworkMonitor;
}

export const defaultConnectionOptions = {
  heartbeatIntervalMs: 20_000,
  heartbeatPayload: 'heart check',
  unauthorizedCloseCodes: [4001, 4003, 1008],
  backoff: { baseMs: 1_500, capMs: 30_000, resetAfterMs: 10_000 },
  cannotReachAfter: 5,
  cannotReachAfterMs: 10_000,
  slowRetryMs: 60_000,
} as const satisfies Omit<ConnectionOptions, 'serverUrl'>;

/** What the popup shows per message: sending → sent, or waiting in the queue, or given up. */
export type OutboxStatus = 'queued' | 'sent' | 'failed';

/** Why an item was given up: too old, no room, or the queue was cleared (logout, stop). */
export type OutboxError = 'expired' | 'queue-full' | 'stopped';

/** A snapshot: every change produces a new object, so a held item never changes under you. */
export interface OutboxItem<M> {
  readonly id: string;
  readonly meta: M;
  readonly status: OutboxStatus;
  /** Set only when `status` is `failed`. */
  readonly error?: OutboxError;
  readonly createdAt: number;
  /** When it became `sent` or `failed`. */
  readonly settledAt?: number;
}

export interface OutboxOptions {
  readonly capacity: number;
  readonly ttlMs: number;
}

export interface OutboxDeps {
  readonly clock: Clock;
  readonly timers: Timers;
  /** `true` only if the text was handed to an open socket (`Connection.send`). */
  readonly send: (text: string) => boolean;
  /** Item ids; a per-outbox counter (`"1"`, `"2"`, …) when absent. */
  readonly nextId?: () => string;
}

export const defaultOutboxOptions = {
  capacity: 50,
  ttlMs: 60_000,
} as const satisfies OutboxOptions;

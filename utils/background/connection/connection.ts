import { backoffDelay } from './backoff';
import { describeClose, describeError, describeThrown, redact } from './close-text';
import { tokenUrl } from './token-url';
import { Emitter } from '../../core/emitter';
import { Link } from './link';
import { nextStatus, sameStatus, waitsForCaller } from './status';
import type { StatusFields } from './status';
import type { ConnectionDeps, ConnectionOptions, SocketLike } from './types';
import type { TimerHandle } from '../../core/timers';
import type { ConnectionStatus, DisconnectReason, StatusChange } from '../../core/messages/connection-status';

const NORMAL_CLOSURE = 1000;
/** Ours, from the application range: "we gave up on a silent link", not a server decision. */
const DEAD_LINK_CLOSURE = 4000;

/**
 * The one socket to the host server: connects with a fresh token, retries with backoff, keeps the
 * link alive, and says in its status why it is down. Free of extension APIs and globals; all of
 * the outside world comes in through `deps`. Never throws to callers.
 */
export class Connection {
  #current: ConnectionStatus;
  readonly #statusChanges: Emitter<StatusChange>;
  readonly #frames: Emitter<string | ArrayBuffer>;

  /** Present while started; aborting it ends the network subscription and the start-signal links. */
  #session: AbortController | undefined;
  #online = true;
  /** Bumped by every teardown, so an attempt still awaiting its token knows it was superseded. */
  #generation = 0;
  #link: Link | undefined;
  #retryTimer: TimerHandle | undefined;
  /** Failures in a row since the last stable connection: the status's `attempt`. */
  #failures = 0;
  /** Failures in a row that never reached `open`: the browser's only hint of a refused handshake. */
  #preOpenFailures = 0;
  /** When that run of failures began; read only while `preOpenFailures` > 0. */
  #preOpenSince = 0;
  readonly #options: ConnectionOptions;
  readonly #deps: ConnectionDeps;

  constructor(options: ConnectionOptions, deps: ConnectionDeps) {
    this.#options = options;
    this.#deps = deps;
    this.#current = {
      phase: 'disconnected',
      reason: 'stopped',
      since: deps.clock.now(),
      attempt: 0,
    };
    // A throwing listener must not break the state machine, nor vanish: rethrow it on its own tick.
    const report = (error: unknown): void => {
      deps.timers.setTimeout(() => {
        throw error;
      }, 0);
    };
    this.#statusChanges = new Emitter(report);
    this.#frames = new Emitter(report);
  }

  get status(): ConnectionStatus {
    return this.#current;
  }

  onStatus(listener: (change: StatusChange) => void, signal: AbortSignal): void {
    this.#statusChanges.subscribe(listener, signal);
  }

  /** Every inbound frame as it came; parsing and validation are the caller's. */
  onFrame(listener: (data: string | ArrayBuffer) => void, signal: AbortSignal): void {
    this.#frames.subscribe(listener, signal);
  }

  /** Idempotent: a second call makes no new attempt, but aborting its signal stops too. */
  start(signal: AbortSignal): void {
    if (signal.aborted) return;
    const session = this.#session ?? this.#begin();
    const onAbort = (): void => {
      if (this.#session === session) this.stop();
    };
    signal.addEventListener('abort', onAbort, { once: true });
    session.signal.addEventListener('abort', () => signal.removeEventListener('abort', onAbort), {
      once: true,
    });
  }

  stop(): void {
    this.#session?.abort();
    this.#session = undefined;
    this.#teardown(NORMAL_CLOSURE, 'stopped');
    this.#setState({ phase: 'disconnected', reason: 'stopped', attempt: this.#failures });
  }

  /**
   * The token changed: start over now with a fresh token and a clean slate. (New settings get a
   * new Connection.) After `stop()` this starts again; `stop()` ends it as usual.
   */
  reconnect(): void {
    if (this.#session === undefined) {
      this.#begin();
      return;
    }
    this.#failures = 0;
    this.#preOpenFailures = 0;
    this.#resume();
  }

  /** "Retry now": skip the wait, but not the backoff history, and never override a refusal. */
  retryNow(): void {
    if (this.#session !== undefined && this.#retryTimer !== undefined) void this.#attempt();
  }

  /** `true` only if handed to an open socket; queueing is the outbox's job. */
  send(text: string): boolean {
    return this.#link?.send(text) ?? false;
  }

  #begin(): AbortController {
    const session = new AbortController();
    this.#session = session;
    this.#failures = 0;
    this.#preOpenFailures = 0;
    this.#online = this.#deps.network.isOnline();
    this.#deps.network.subscribe((online) => this.#networkChanged(online), session.signal);
    this.#resume();
    return session;
  }

  /** Attempt at once, or wait for the network to come back. */
  #resume(): void {
    if (this.#online) {
      void this.#attempt();
      return;
    }
    this.#teardown(NORMAL_CLOSURE, 'offline');
    this.#setState({ phase: 'disconnected', reason: 'offline', attempt: this.#failures });
  }

  #networkChanged(online: boolean): void {
    if (online === this.#online) return;
    this.#online = online;
    if (online) {
      if (this.#current.reason !== 'offline') return;
      this.#failures = 0;
      this.#preOpenFailures = 0;
      this.#resume();
    } else if (!waitsForCaller(this.#current.reason)) {
      this.#resume();
    }
  }

  async #attempt(): Promise<void> {
    this.#teardown(NORMAL_CLOSURE, 'replaced');
    const generation = this.#generation;
    if (this.#options.serverUrl === '') {
      this.#setState({ phase: 'disconnected', reason: 'not-configured', attempt: this.#failures });
      return;
    }
    const lastError = this.#current.lastError;
    this.#setState({ phase: 'connecting', attempt: this.#failures, lastError });
    let token: string | undefined;
    try {
      token = await this.#deps.getToken();
    } catch (error) {
      if (generation === this.#generation) this.#failed(describeThrown('could not read the token', error), false);
      return;
    }
    // stop(), reconnect() or offline while we waited: that attempt is no longer ours to make.
    if (generation !== this.#generation) return;
    if (token === undefined || token === '') {
      this.#setState({ phase: 'disconnected', reason: 'no-token', attempt: this.#failures });
      return;
    }
    this.#open(token);
  }

  #open(token: string): void {
    const secrets = [token, encodeURIComponent(token)];
    const url = tokenUrl(this.#options.serverUrl, token);
    if (!url.ok) {
      // A setting, not the network: trying again would only repeat it.
      this.#setState({ phase: 'disconnected', reason: 'not-configured', attempt: this.#failures, lastError: url.why });
      return;
    }
    let socket: SocketLike;
    try {
      socket = this.#deps.createSocket(url.url);
    } catch (error) {
      // Browsers quote the whole URL in this error; the status is shown and mirrored, the token never.
      this.#failed(redact(describeThrown('could not open a socket', error), secrets), true);
      return;
    }
    const { heartbeatIntervalMs, heartbeatPayload, backoff } = this.#options;
    const options = { heartbeatIntervalMs, heartbeatPayload, stableAfterMs: backoff.resetAfterMs };
    // Every handler checks identity: a replaced or closed socket may still fire late events.
    const link: Link = new Link(socket, options, this.#deps, {
      opened: () => {
        if (this.#link !== link) return;
        this.#preOpenFailures = 0;
        this.#setState({ phase: 'connected', attempt: this.#failures });
      },
      frame: (data) => {
        if (this.#link === link) this.#frames.emit(data);
      },
      error: () => {
        if (this.#link === link) this.#failed(describeError(link.openFor()), link.openFor() === undefined);
      },
      closed: (code, reason) => {
        if (this.#link === link) this.#closed(code, reason, link.openFor(), secrets);
      },
      dead: () => {
        if (this.#link !== link) return;
        const silence = `no frame for ${(2 * heartbeatIntervalMs) / 1000} s`;
        this.#failed(silence, false, 'no-heartbeat');
      },
      // Only a link that stays up earns a clean slate: one accepted and dropped at once must
      // keep backing off, or a flapping server gets hammered.
      stable: () => {
        if (this.#link !== link) return;
        this.#failures = 0;
        this.#setState({ phase: 'connected', attempt: 0 });
      },
    });
    this.#link = link;
  }

  #closed(code: number, reason: string, openFor: number | undefined, secrets: readonly string[]): void {
    const lastError = describeClose(code, reason, openFor, secrets);
    if (this.#options.unauthorizedCloseCodes.includes(code)) {
      this.#teardown(NORMAL_CLOSURE, 'unauthorized');
      this.#setState({
        phase: 'disconnected',
        reason: 'unauthorized',
        attempt: this.#failures,
        lastError,
      });
      return;
    }
    this.#failed(lastError, openFor === undefined);
  }

  /** A failed or lost link: count it and schedule the next attempt. */
  #failed(lastError: string, neverOpened: boolean, reason: DisconnectReason = 'server-closed'): void {
    this.#teardown(reason === 'no-heartbeat' ? DEAD_LINK_CLOSURE : NORMAL_CLOSURE, reason);
    this.#failures += 1;
    const now = this.#deps.clock.now();
    if (neverOpened && this.#preOpenFailures++ === 0) this.#preOpenSince = now;
    const slow =
      this.#preOpenFailures >= this.#options.cannotReachAfter &&
      now - this.#preOpenSince >= this.#options.cannotReachAfterMs;
    const delay = slow
      ? this.#options.slowRetryMs
      : backoffDelay(this.#failures - 1, this.#options.backoff, this.#deps.random);
    this.#retryTimer = this.#deps.timers.setTimeout(() => {
      this.#retryTimer = undefined;
      void this.#attempt();
    }, delay);
    this.#setState({
      phase: 'disconnected',
      reason: slow ? 'cannot-reach' : reason,
      attempt: this.#failures,
      nextRetryAt: now + delay,
      lastError,
    });
  }

  /**
   * The one way a socket ends, whoever decided it (server, error, dead link, offline, stop,
   * reconnect): timers of the old socket die with it, and any attempt in flight is superseded.
   */
  #teardown(code: number, reason: string): void {
    this.#generation += 1;
    if (this.#retryTimer !== undefined) this.#deps.timers.clearTimeout(this.#retryTimer);
    this.#retryTimer = undefined;
    this.#link?.end(code, reason);
    this.#link = undefined;
  }

  /** The only writer of `current`, and the only source of status changes. */
  #setState(fields: StatusFields): void {
    const from = this.#current;
    const to = nextStatus(from, fields, this.#deps.clock.now());
    if (sameStatus(from, to)) return;
    this.#current = to;
    this.#statusChanges.emit({ from, to });
  }
}

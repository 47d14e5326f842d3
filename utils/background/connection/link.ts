import { Heartbeat } from './heartbeat';
import type { SocketLike } from './types';
import type { Clock, TimerHandle, Timers } from '../../core/timers';

const CONNECTING = 0;
const OPEN = 1;

export interface LinkOptions {
  readonly heartbeatIntervalMs: number;
  readonly heartbeatPayload: string;
  /** Open this long and the link counts as stable. */
  readonly stableAfterMs: number;
}

/** What happened on the socket; the owner decides what it means. */
export interface LinkHandlers {
  readonly opened: () => void;
  readonly frame: (data: string | ArrayBuffer) => void;
  readonly error: () => void;
  readonly closed: (code: number, reason: string) => void;
  /** The server answered heartbeats before and has now been silent for two intervals. */
  readonly dead: () => void;
  readonly stable: () => void;
}

/**
 * One socket and everything that lives exactly as long as it: its heartbeat, its stability
 * timer, when it opened. Ending the link ends all of them, so no timer outlives its socket.
 */
export class Link {
  #openedAt: number | undefined;
  #heartbeat: Heartbeat | undefined;
  #stableTimer: TimerHandle | undefined;
  /** A closed socket may still fire events; none may restart this link's timers. */
  #ended = false;
  readonly #socket: SocketLike;
  readonly #options: LinkOptions;
  readonly #deps: { readonly timers: Timers; readonly clock: Clock };

  constructor(
    socket: SocketLike,
    options: LinkOptions,
    deps: { readonly timers: Timers; readonly clock: Clock },
    handlers: LinkHandlers,
  ) {
    this.#socket = socket;
    this.#options = options;
    this.#deps = deps;
    socket.binaryType = 'arraybuffer';
    socket.onopen = () => {
      if (this.#ended) return;
      this.#startTimers(handlers);
      handlers.opened();
    };
    socket.onmessage = (event) => {
      if (this.#ended) return;
      this.#heartbeat?.frameReceived();
      const { data } = event;
      if (typeof data === 'string' || data instanceof ArrayBuffer) handlers.frame(data);
    };
    socket.onerror = () => {
      if (!this.#ended) handlers.error();
    };
    socket.onclose = (event) => {
      if (!this.#ended) handlers.closed(event.code, event.reason);
    };
  }

  /** How long it has been open; `undefined` if it never opened. */
  openFor(): number | undefined {
    return this.#openedAt === undefined ? undefined : this.#deps.clock.now() - this.#openedAt;
  }

  send(text: string): boolean {
    if (this.#socket.readyState !== OPEN) return false;
    try {
      this.#socket.send(text);
      return true;
    } catch {
      return false;
    }
  }

  end(code: number, reason: string): void {
    this.#ended = true;
    this.#heartbeat?.stop();
    this.#heartbeat = undefined;
    if (this.#stableTimer !== undefined) this.#deps.timers.clearTimeout(this.#stableTimer);
    this.#stableTimer = undefined;
    const { readyState } = this.#socket;
    if (readyState !== CONNECTING && readyState !== OPEN) return;
    try {
      this.#socket.close(code, reason);
    } catch {
      // The browser already considers it closing: nothing left to end.
    }
  }

  #startTimers(handlers: LinkHandlers): void {
    const { timers, clock } = this.#deps;
    this.#openedAt = clock.now();
    this.#heartbeat = new Heartbeat(this.#options.heartbeatIntervalMs, this.#options.heartbeatPayload, {
      timers,
      clock,
      send: (payload) => void this.send(payload),
      onDead: handlers.dead,
    });
    this.#stableTimer = timers.setTimeout(() => {
      this.#stableTimer = undefined;
      handlers.stable();
    }, this.#options.stableAfterMs);
  }
}

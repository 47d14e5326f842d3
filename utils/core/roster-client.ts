import type { TimerHandle, Timers } from './timers';
import { Emitter } from './emitter';
import { createLogger } from './log';
import { applyEvent } from './messages/reduce';
import type { ViewEvent, RosterState } from './messages/roster-state';
import type { PortLike } from './port';
import type { Op, Replies, ViewRequestInput } from './messages/views-background';
import { readBackgroundToView } from './messages/background-to-view';

const log = createLogger('client');

export interface RosterClientOptions {
  /** Opens a port to the background (`browser.runtime.connect`); may throw once the extension is gone. */
  readonly connect: () => PortLike;
  readonly timers: Timers;
  /** How long a request may wait for its reply. */
  readonly requestTimeoutMs?: number;
}

export class RequestError extends Error {
  override readonly name = 'RequestError';
}

export interface RosterClient {
  /** The mirrored state; `undefined` only until the background's first message. */
  readonly state: RosterState | undefined;
  /** Called with the new state after every change (and the event that caused it). */
  subscribe(listener: (state: RosterState, event: ViewEvent) => void, signal: AbortSignal): void;
  request<O extends Op>(request: ViewRequestInput & { op: O }): Promise<Replies[O]>;
  /** Asks for the whole state again; it arrives as a `state` event. */
  resync(): void;
}

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
  timer: TimerHandle;
}

/**
 * A view's live copy of the background state over one port. When the port drops (the service
 * worker was stopped), it reconnects, which wakes the worker, and gets a fresh snapshot.
 */
export function connectRoster(options: RosterClientOptions, signal: AbortSignal): RosterClient {
  const { timers } = options;
  const timeoutMs = options.requestTimeoutMs ?? 10_000;
  const changes = new Emitter<{ state: RosterState; event: ViewEvent }>((error) => log.error('a view failed', error));
  const pending = new Map<number, Pending>();
  let state: RosterState | undefined;
  let port: PortLike | undefined;
  let nextId = 1;
  let retries = 0;

  const failPending = (why: string) => {
    for (const [id, request] of pending) {
      timers.clearTimeout(request.timer);
      request.reject(new RequestError(why));
      pending.delete(id);
    }
  };

  const onMessage = (message: unknown) => {
    const data = readBackgroundToView(message);
    if (!data) return log.debug('dropped a malformed message from the background');
    if (data.type === 'reply') {
      const request = pending.get(data.id);
      if (!request) return;
      pending.delete(data.id);
      timers.clearTimeout(request.timer);
      if (data.ok) request.resolve(data.value);
      else request.reject(new RequestError(data.error));
      return;
    }
    retries = 0;
    apply(data.event);
  };

  const apply = (event: ViewEvent) => {
    const next = applyEvent(state, event);
    if (!next) {
      // We missed a change: ask for the whole state again rather than drift.
      client.resync();
      return;
    }
    state = next;
    changes.emit({ state: next, event });
  };

  const open = () => {
    if (signal.aborted) return;
    try {
      port = options.connect();
    } catch (error) {
      // The extension was reloaded or removed: this view is an orphan and stays quiet.
      log.debug('cannot reach the background', error);
      return;
    }
    const current = port;
    current.onMessage.addListener(onMessage);
    current.onDisconnect.addListener(() => {
      if (port !== current) return;
      port = undefined;
      failPending('the background went away');
      if (signal.aborted) return;
      const delay = Math.min(5_000, 100 * 2 ** retries++);
      timers.setTimeout(open, delay);
    });
  };

  const client: RosterClient = {
    get state() {
      return state;
    },
    subscribe(listener, subscription) {
      changes.subscribe(({ state: next, event }) => listener(next, event), subscription);
    },
    request<O extends Op>(request: ViewRequestInput & { op: O }): Promise<Replies[O]> {
      return new Promise((resolve, reject) => {
        if (!port) return reject(new RequestError('not connected to the background'));
        const id = nextId++;
        const timer = timers.setTimeout(() => {
          pending.delete(id);
          reject(new RequestError(`${request.op} timed out`));
        }, timeoutMs);
        pending.set(id, { resolve, reject, timer });
        try {
          port.postMessage({ type: 'request', id, request });
        } catch (error) {
          pending.delete(id);
          timers.clearTimeout(timer);
          reject(new RequestError(`could not send ${request.op}: ${String(error)}`));
        }
      });
    },
    resync() {
      // A failure is a dropped port: its reconnect brings a fresh state anyway.
      client.request({ op: 'snapshot' }).then(
        (fresh) => apply({ type: 'state', state: fresh }),
        () => undefined,
      );
    },
  };

  signal.addEventListener(
    'abort',
    () => {
      failPending('closed');
      port?.disconnect();
      port = undefined;
    },
    { once: true },
  );
  open();
  return client;
}

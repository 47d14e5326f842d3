import type { RosterClient } from '../../../../../utils/core/roster-client';
import type { Op, Replies, ViewRequestInput } from '../../../../../utils/core/messages/views-background';
import type { UserId } from '../../../../../utils/core/protocol/schemas';
import type { RosterState, ViewEvent } from '../../../../../utils/core/messages/roster-state';

type Handler<O extends Op> = (request: ViewRequestInput & { op: O }) => Promise<Replies[O]>;

/** What the background answers unless a test says otherwise: calls are accepted, pages open, the rest is `null`. */
function defaultReply(request: ViewRequestInput): Replies[Op] {
  if (request.op === 'openCallPage') return { opened: true };
  if (request.op === 'sendCall' || request.op === 'callBack') {
    const peerId = (request.op === 'sendCall' ? request.to : request.id) as UserId;
    return {
      ok: true,
      call: {
        kind: 'outgoing',
        id: `fake-${request.op}`,
        peerId,
        at: Date.now(),
        status: 'sent',
        settledAt: Date.now(),
      },
    };
  }
  return null;
}

/**
 * A view's client without a background: the test sets the state, sees every request, and
 * decides the replies.
 */
export class FakeClient implements RosterClient {
  readonly requests: ViewRequestInput[] = [];
  readonly #listeners = new Set<(state: RosterState, event: ViewEvent) => void>();
  readonly #handlers = new Map<Op, Handler<Op>>();
  #state: RosterState | undefined;

  constructor(state?: RosterState) {
    this.#state = state;
  }

  get state(): RosterState | undefined {
    return this.#state;
  }

  subscribe(listener: (state: RosterState, event: ViewEvent) => void, signal: AbortSignal): void {
    this.#listeners.add(listener);
    signal.addEventListener('abort', () => this.#listeners.delete(listener), { once: true });
  }

  /** The background's state changed. */
  publish(state: RosterState): void {
    this.#state = state;
    for (const listener of this.#listeners) listener(state, { type: 'state', state });
  }

  update(change: (state: RosterState) => RosterState): void {
    if (this.#state) this.publish(change(this.#state));
  }

  reply<O extends Op>(op: O, handler: Handler<O>): void {
    this.#handlers.set(op, handler as unknown as Handler<Op>);
  }

  request<O extends Op>(request: ViewRequestInput & { op: O }): Promise<Replies[O]> {
    this.requests.push(request);
    const handler = this.#handlers.get(request.op) as Handler<O> | undefined;
    if (handler) return handler(request);
    return Promise.resolve(defaultReply(request) as Replies[O]);
  }

  /** Counted as a `snapshot` request; the test publishes the state it wants. */
  resync(): void {
    this.requests.push({ op: 'snapshot' });
  }

  ops(op: Op): ViewRequestInput[] {
    return this.requests.filter((request) => request.op === op);
  }
}

import { Emitter } from '../../core/emitter';
import type { OutboxDeps, OutboxError, OutboxItem, OutboxOptions } from './types';
import type { TimerHandle } from '../../core/timers';

interface Entry<M> {
  readonly item: OutboxItem<M>;
  readonly text: string;
}

/**
 * Messages waiting for the socket, bounded in number and in age. The recipe retried sends every
 * 3.5 s forever; here every message ends as `sent` or `failed` with a reason, in order, once.
 */
export class Outbox<M> {
  readonly #queue: Entry<M>[] = [];
  readonly #changes: Emitter<OutboxItem<M>>;
  #expiryTimer: TimerHandle | undefined;
  /** The id of the head the expiry timer was set for, so unrelated calls don't re-arm it. */
  #expiryFor: string | undefined;
  #counter = 0;
  readonly #options: OutboxOptions;
  readonly #deps: OutboxDeps;

  constructor(options: OutboxOptions, deps: OutboxDeps) {
    this.#options = options;
    this.#deps = deps;
    this.#changes = new Emitter((error) => {
      deps.timers.setTimeout(() => {
        throw error;
      }, 0);
    });
  }

  /** The items still waiting, oldest first. */
  get items(): readonly OutboxItem<M>[] {
    return this.#queue.map((entry) => entry.item);
  }

  /** Every status an item takes, its first one included. */
  onChange(listener: (item: OutboxItem<M>) => void, signal: AbortSignal): void {
    this.#changes.subscribe(listener, signal);
  }

  enqueue(text: string, meta: M): OutboxItem<M> {
    // Older messages go first: a new one may not overtake the queue.
    this.flush();
    const createdAt = this.#deps.clock.now();
    const base = { id: this.#nextId(), meta, createdAt };
    if (this.#queue.length === 0 && this.#trySend(text)) {
      return this.#announce({ ...base, status: 'sent', settledAt: createdAt });
    }
    if (this.#queue.length >= this.#options.capacity) {
      return this.#announce({
        ...base,
        status: 'failed',
        error: 'queue-full',
        settledAt: createdAt,
      });
    }
    const item: OutboxItem<M> = { ...base, status: 'queued' };
    this.#queue.push({ item, text });
    this.#armExpiry();
    return this.#announce(item);
  }

  /** Sends what is queued, in order, until the socket refuses one. */
  flush(): void {
    this.#expire();
    for (let head = this.#queue[0]; head !== undefined; head = this.#queue[0]) {
      if (!this.#trySend(head.text)) break;
      // Out of the queue before anyone hears of it, so a listener's flush cannot send it again.
      this.#queue.shift();
      this.#announce(this.#settle(head.item, 'sent'));
    }
    this.#armExpiry();
  }

  /** Gives up on everything queued, e.g. `stopped` on logout. */
  clear(error: OutboxError): void {
    const dropped = this.#queue.splice(0);
    this.#armExpiry();
    for (const entry of dropped) this.#announce(this.#settle(entry.item, 'failed', error));
  }

  #expire(): void {
    const limit = this.#deps.clock.now() - this.#options.ttlMs;
    for (let head = this.#queue[0]; head !== undefined; head = this.#queue[0]) {
      if (head.item.createdAt > limit) break;
      this.#queue.shift();
      this.#announce(this.#settle(head.item, 'failed', 'expired'));
    }
  }

  // One timer, for the oldest item: the queue is FIFO and the ttl is the same for all.
  #armExpiry(): void {
    const head = this.#queue[0];
    if (head?.item.id === this.#expiryFor) return;
    if (this.#expiryTimer !== undefined) this.#deps.timers.clearTimeout(this.#expiryTimer);
    this.#expiryTimer = undefined;
    this.#expiryFor = head?.item.id;
    if (head === undefined) return;
    const due = head.item.createdAt + this.#options.ttlMs - this.#deps.clock.now();
    this.#expiryTimer = this.#deps.timers.setTimeout(
      () => {
        this.#expiryTimer = undefined;
        this.#expiryFor = undefined;
        this.#expire();
        this.#armExpiry();
      },
      Math.max(0, due),
    );
  }

  #trySend(text: string): boolean {
    try {
      return this.#deps.send(text);
    } catch {
      return false;
    }
  }

  #settle(item: OutboxItem<M>, status: 'sent' | 'failed', error?: OutboxError): OutboxItem<M> {
    const settledAt = this.#deps.clock.now();
    return error === undefined ? { ...item, status, settledAt } : { ...item, status, error, settledAt };
  }

  #announce(item: OutboxItem<M>): OutboxItem<M> {
    this.#changes.emit(item);
    return item;
  }

  #nextId(): string {
    if (this.#deps.nextId !== undefined) return this.#deps.nextId();
    this.#counter += 1;
    return String(this.#counter);
  }
}

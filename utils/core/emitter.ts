export type Listener<T> = (value: T) => void;

/**
 * A listener set whose subscriptions end with an AbortSignal, so a view that goes away (a popup
 * port, a test) cannot leak a listener by forgetting to unsubscribe.
 */
export class Emitter<T> {
  readonly #listeners = new Set<Listener<T>>();
  readonly #pending: { readonly value: T }[] = [];
  #emitting = false;
  readonly #onListenerError: (error: unknown) => void;

  /** @param onListenerError gets what a listener threw, so one bad listener cannot stop the others or the emitter's owner. */
  constructor(onListenerError: (error: unknown) => void) {
    this.#onListenerError = onListenerError;
  }

  subscribe(listener: Listener<T>, signal: AbortSignal): void {
    if (signal.aborted) return;
    // A fresh wrapper per call: the same function subscribed under two signals is two subscriptions.
    const entry: Listener<T> = (value) => listener(value);
    this.#listeners.add(entry);
    signal.addEventListener('abort', () => this.#listeners.delete(entry), { once: true });
  }

  /**
   * A value emitted by a listener while another is being delivered waits its turn, so every
   * listener sees the values in the order they were emitted (a status listener that calls
   * `stop()` must not make others see "stopped" before "connected").
   */
  emit(value: T): void {
    this.#pending.push({ value });
    if (this.#emitting) return;
    this.#emitting = true;
    try {
      for (let next = this.#pending.shift(); next !== undefined; next = this.#pending.shift()) {
        this.#deliver(next.value);
      }
    } finally {
      this.#emitting = false;
    }
  }

  get size(): number {
    return this.#listeners.size;
  }

  #deliver(value: T): void {
    for (const listener of [...this.#listeners]) {
      // Unsubscribed by an earlier listener during this same delivery: it asked not to hear more.
      if (!this.#listeners.has(listener)) continue;
      try {
        listener(value);
      } catch (error) {
        this.#onListenerError(error);
      }
    }
  }
}

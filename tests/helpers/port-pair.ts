import type { PortLike } from '../../utils/core/port';

type Sender = PortLike['sender'];

/** One end of an in-memory port. */
class MemoryPort implements PortLike {
  readonly #messageListeners = new Set<(message: unknown) => void>();
  readonly #disconnectListeners = new Set<() => void>();
  #peer: MemoryPort | undefined;
  #open = true;

  constructor(
    readonly name: string,
    readonly sender: Sender,
  ) {}

  readonly onMessage = {
    addListener: (listener: (message: unknown) => void) => void this.#messageListeners.add(listener),
    removeListener: (listener: (message: unknown) => void) => void this.#messageListeners.delete(listener),
  };

  readonly onDisconnect = { addListener: (listener: () => void) => void this.#disconnectListeners.add(listener) };

  link(peer: MemoryPort): void {
    this.#peer = peer;
  }

  postMessage(message: unknown): void {
    if (!this.#open) throw new Error('Attempting to use a disconnected port object');
    const copy = structuredClone(message);
    const peer = this.#peer;
    queueMicrotask(() => {
      if (peer) peer.#deliver(copy);
    });
  }

  disconnect(): void {
    if (!this.#open) return;
    this.#open = false;
    const peer = this.#peer;
    queueMicrotask(() => {
      if (peer) peer.#drop();
    });
  }

  #deliver(message: unknown): void {
    if (this.#open) for (const listener of [...this.#messageListeners]) listener(message);
  }

  #drop(): void {
    if (!this.#open) return;
    this.#open = false;
    for (const listener of this.#disconnectListeners) listener();
  }
}

/**
 * Two connected ports that behave like `runtime.Port`: messages arrive asynchronously as
 * structured clones, and disconnecting one end tells only the other.
 */
export function portPair(name: string, sender: Sender): { view: PortLike; background: PortLike } {
  const view = new MemoryPort(name, undefined);
  const background = new MemoryPort(name, sender);
  view.link(background);
  background.link(view);
  return { view, background };
}

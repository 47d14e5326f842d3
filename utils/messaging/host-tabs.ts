import { Emitter } from '../emitter';

/** Tabs whose host page has Roster's content script connected (a tab may hold several ports: frames). */
export class HostTabs {
  readonly #ports = new Map<number, number>();
  readonly #changes = new Emitter<number>(() => undefined);

  add(tabId: number): void {
    const known = this.#ports.has(tabId);
    this.#ports.set(tabId, (this.#ports.get(tabId) ?? 0) + 1);
    if (!known) this.#changes.emit(this.#ports.size);
  }

  remove(tabId: number): void {
    const left = (this.#ports.get(tabId) ?? 1) - 1;
    if (left > 0) {
      this.#ports.set(tabId, left);
      return;
    }
    this.#ports.delete(tabId);
    this.#changes.emit(this.#ports.size);
  }

  has(tabId: number): boolean {
    return this.#ports.has(tabId);
  }

  ids(): number[] {
    return [...this.#ports.keys()];
  }

  get count(): number {
    return this.#ports.size;
  }

  /** Hears the number of host tabs each time it changes. */
  onChange(listener: (count: number) => void, signal: AbortSignal): void {
    this.#changes.subscribe(listener, signal);
  }
}

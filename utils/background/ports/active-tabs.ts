import { Emitter } from '../../core/emitter';

/**
 * The tab each browser window shows: where a person can see a presence change. Until the browser
 * has said which tabs those are (a worker just woken), every tab counts as shown, so nothing waits
 * on a guess.
 */
export class ActiveTabs {
  readonly #byWindow = new Map<number, number>();
  #known = false;
  readonly #activated = new Emitter<number>(() => undefined);

  /** What a query of the active tabs found; windows an event already spoke for keep the event's answer. */
  found(tabs: readonly { readonly tabId: number; readonly windowId: number }[]): void {
    for (const { tabId, windowId } of tabs) if (!this.#byWindow.has(windowId)) this.#byWindow.set(windowId, tabId);
    this.#known = true;
  }

  activated(tabId: number, windowId: number): void {
    this.#byWindow.set(windowId, tabId);
    this.#activated.emit(tabId);
  }

  windowClosed(windowId: number): void {
    this.#byWindow.delete(windowId);
  }

  isShown(tabId: number): boolean {
    if (!this.#known) return true;
    for (const shown of this.#byWindow.values()) if (shown === tabId) return true;
    return false;
  }

  /** Hears each tab that comes to the front of its window. */
  onActivated(listener: (tabId: number) => void, signal: AbortSignal): void {
    this.#activated.subscribe(listener, signal);
  }
}

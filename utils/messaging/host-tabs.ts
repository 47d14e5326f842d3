/** Tabs whose host page has Roster's content script connected (a tab may hold several ports: frames). */
export class HostTabs {
  readonly #ports = new Map<number, number>();

  add(tabId: number): void {
    this.#ports.set(tabId, (this.#ports.get(tabId) ?? 0) + 1);
  }

  remove(tabId: number): void {
    const left = (this.#ports.get(tabId) ?? 1) - 1;
    if (left > 0) this.#ports.set(tabId, left);
    else this.#ports.delete(tabId);
  }

  has(tabId: number): boolean {
    return this.#ports.has(tabId);
  }
}

import { Emitter } from '../../core/emitter';

interface Frame {
  /** Ports open from this frame (a reloading frame briefly has two). */
  ports: number;
  /** When the frame last said it came into view; 0 while it is out of view (or never said). */
  shownAt: number;
}

/**
 * Tabs whose host pages have Roster's content script connected, frame by frame: an iframe shell
 * (a menu and a tab bar, every page in a frame) has several host frames in one tab.
 */
export class HostTabs {
  readonly #tabs = new Map<number, Map<number, Frame>>();
  readonly #changes = new Emitter<number>(() => undefined);

  add(tabId: number, frameId = 0): void {
    const known = this.#tabs.has(tabId);
    const frames = this.#tabs.get(tabId) ?? new Map<number, Frame>();
    this.#tabs.set(tabId, frames);
    const frame = frames.get(frameId) ?? { ports: 0, shownAt: 0 };
    frame.ports++;
    frames.set(frameId, frame);
    if (!known) this.#changes.emit(this.#tabs.size);
  }

  remove(tabId: number, frameId = 0): void {
    const frames = this.#tabs.get(tabId);
    const frame = frames?.get(frameId);
    if (!frames || !frame) return;
    if (--frame.ports <= 0) frames.delete(frameId);
    if (frames.size > 0) return;
    this.#tabs.delete(tabId);
    this.#changes.emit(this.#tabs.size);
  }

  /** A frame (not the top one) came into view or went out of it (an iframe shell switched tabs). */
  shown(tabId: number, frameId: number, shown: boolean, now: number): void {
    const frame = this.#tabs.get(tabId)?.get(frameId);
    if (frame) frame.shownAt = shown ? now : 0;
  }

  /**
   * The one frame of a tab that shows call toasts: the top-level document when it is a host page
   * (its corner is the viewport's, whatever frame the shell shows); otherwise the host frame that
   * came into view last, or the first one when none said so. Never one toast per frame.
   */
  toastFrame(tabId: number): number | undefined {
    const frames = this.#tabs.get(tabId);
    if (!frames) return undefined;
    if (frames.has(0)) return 0;
    let best: [number, Frame] | undefined;
    for (const entry of frames) {
      if (!best || entry[1].shownAt > best[1].shownAt || (entry[1].shownAt === best[1].shownAt && entry[0] < best[0]))
        best = entry;
    }
    return best?.[0];
  }

  has(tabId: number): boolean {
    return this.#tabs.has(tabId);
  }

  ids(): number[] {
    return [...this.#tabs.keys()];
  }

  get count(): number {
    return this.#tabs.size;
  }

  /** Hears the number of host tabs each time it changes. */
  onChange(listener: (count: number) => void, signal: AbortSignal): void {
    this.#changes.subscribe(listener, signal);
  }
}

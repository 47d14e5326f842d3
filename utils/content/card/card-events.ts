import { MARK_TAG, STATE_ATTRIBUTE } from '../marks/mark-element';

/** Event targets are nodes here; the check keeps `window` and other targets out. */
export function asNode(target: EventTarget | null): Node | undefined {
  return target && 'nodeType' in target ? (target as Node) : undefined;
}

/** The mark an event is about, if it is one this page's marker owns (`owns`). */
export function markOf(target: EventTarget | null, owns: (mark: Element) => boolean): Element | undefined {
  const node = asNode(target);
  if (node?.nodeType !== 1) return undefined;
  const mark = (node as Element).closest(MARK_TAG);
  return mark && owns(mark) ? mark : undefined;
}

export const isOnline = (mark: Element): boolean => mark.getAttribute(STATE_ATTRIBUTE) === 'online';

/**
 * Only what a person does moves the card: a host page's script can dispatch pointer, focus and
 * key events at a mark, and must not arm the card with Call focused for the next real key. The
 * handler gets where the event began: a mark inside a host's open shadow root reaches the window
 * retargeted to the shadow host, but its composed path still starts at the mark.
 */
export function listenTrusted<K extends keyof WindowEventMap>(
  window: Window,
  type: K,
  handler: (event: WindowEventMap[K], target: EventTarget | null) => void,
  signal: AbortSignal,
  passive = false,
): void {
  window.addEventListener(type, (event) => event.isTrusted && handler(event, event.composedPath()[0] ?? event.target), {
    capture: true,
    passive,
    signal,
  });
}

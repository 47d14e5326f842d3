/**
 * User Timing marks for `bench/popup-browser.ts`: when the page's script started, when the first state arrived, when it was
 * rendered, and when the frame showing it was done. Each is set once per page; they cost nothing
 * when nobody reads them.
 */
export const MARK_SCRIPT = 'roster:popup:script';
export const MARK_STATE = 'roster:popup:state';
export const MARK_RENDERED = 'roster:popup:rendered';
export const MARK_PAINTED = 'roster:popup:painted';

const done = new Set<string>();

export function markOnce(name: string): void {
  if (done.has(name) || typeof performance === 'undefined') return;
  done.add(name);
  performance.mark(name);
}

/** Called when the first state is in the DOM; the task after the next frame comes after its paint. */
export function markFirstRender(): void {
  markOnce(MARK_RENDERED);
  if (typeof requestAnimationFrame === 'function')
    requestAnimationFrame(() => setTimeout(() => markOnce(MARK_PAINTED), 0));
}

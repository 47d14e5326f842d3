/** Whether `text` is a CSS selector this document understands; `true` where there is no DOM to ask. */
export function isSelector(text: string): boolean {
  // Settings are checked in the worker too, which has no DOM: the one browser API in core/ is asked
  // only where it exists, and content scripts check again before they query.
  // eslint-disable-next-line no-restricted-globals
  if (typeof document === 'undefined') return true;
  try {
    // eslint-disable-next-line no-restricted-globals
    document.createDocumentFragment().querySelector(text);
    return true;
  } catch {
    return false;
  }
}

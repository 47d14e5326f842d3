/** Whether `text` is a CSS selector this document understands; `true` where there is no DOM to ask. */
export function isSelector(text: string): boolean {
  if (typeof document === 'undefined') return true;
  try {
    document.createDocumentFragment().querySelector(text);
    return true;
  } catch {
    return false;
  }
}

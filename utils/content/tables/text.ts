/** Host text is read, never trusted: bounded, whitespace collapsed. Pure. */
const MAX_READ = 1_000;

export function readText(element: Element | null | undefined): string {
  if (!element) return '';
  return collapse(element.textContent);
}

export function collapse(text: string): string {
  const trimmed = text.slice(0, MAX_READ).trim();
  // Most cell texts have nothing to collapse: skip building a new string for them.
  return /\s\s|[^\S ]/.test(trimmed) ? trimmed.replace(/\s+/g, ' ') : trimmed;
}

/** How a name is compared with the directory's: the same person whatever the spacing or form. */
export function nameKey(name: string): string {
  return collapse(name).normalize('NFC');
}

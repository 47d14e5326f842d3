/** The default `rowsIn`: `container` itself if it matches, and every match inside it. */
export function rowsMatching(container: Element, selector: string): Element[] {
  const found = [...container.querySelectorAll(selector)];
  if (container.matches(selector)) found.unshift(container);
  return found;
}

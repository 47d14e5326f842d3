/**
 * Moves focus to the first field with a problem, so a keyboard or screen-reader user lands on it.
 * A problem deep inside a field (`identity.idClaims.2`) belongs to the nearest field that exists.
 */
export function focusFirstProblem(
  fields: readonly string[],
  idOf: (path: string) => string,
  doc: Document = document,
): boolean {
  for (const field of fields) {
    const segments = field.split('.');
    for (let length = segments.length; length > 0; length--) {
      const element = doc.getElementById(idOf(segments.slice(0, length).join('.')));
      if (element instanceof HTMLElement) {
        // A field inside a closed <details> (Advanced) cannot take focus until it opens.
        const closed = element.closest('details:not([open])');
        if (closed instanceof HTMLDetailsElement) closed.open = true;
        element.focus();
        element.scrollIntoView({ block: 'center' });
        return true;
      }
    }
  }
  return false;
}

/**
 * The address a document stands for when deciding whether Roster runs there: its own for a web
 * page; for an `about:blank` or `srcdoc` frame a host fills by script, the address it inherits
 * from the page that made it (its base URL), and for a `blob:` one, its origin. Pure.
 */
export function pageAddress(
  doc: Pick<Document, 'baseURI'> & { readonly location: { readonly href: string } | null },
  origin: string,
): string {
  const href = doc.location?.href ?? '';
  if (/^https?:/i.test(href)) return href;
  if (/^https?:/i.test(doc.baseURI)) return doc.baseURI;
  return /^https?:/i.test(origin) ? `${origin}/` : href;
}

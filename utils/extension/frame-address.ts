/**
 * A frame's address as the content script's `pageAddress` sees it (its own, or the one an
 * `about:blank` frame inherits). Self-contained: it runs in the frame, through
 * `scripting.executeScript` (`func`), so it may use nothing from outside its own body.
 */
export function frameAddress(): string {
  const href = location.href;
  if (/^https?:/i.test(href)) return href;
  return /^https?:/i.test(document.baseURI) ? document.baseURI : `${origin}/`;
}

/**
 * Gives a shadow root our rules. A constructed sheet first: the page's CSP (`style-src` without
 * 'unsafe-inline') does not apply to it, and the host's own markup is not touched. Where a content
 * script cannot construct one for the page (Firefox's isolated world), a `<style>` element, which
 * content scripts may add under any page CSP.
 */
export function adoptSheet(root: ShadowRoot, css: string, label: string): void {
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    return;
  } catch {
    // Falls through to the element.
  }
  const style = root.ownerDocument.createElement('style');
  style.setAttribute('data-roster', label);
  style.textContent = css;
  root.prepend(style);
}

import markStyles from './mark-styles.css?inline';

/**
 * Gives a host's shadow root the marks' rules. A constructed sheet first: the page's CSP
 * (`style-src` without 'unsafe-inline') does not apply to it, and the host's own markup is not
 * touched. Where a content script cannot construct one for the page (Firefox's isolated world), a
 * `<style>` element, which content scripts may add under any page CSP.
 */
export function styleShadowRoot(root: ShadowRoot): void {
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(markStyles);
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    return;
  } catch {
    // Falls through to the element.
  }
  const style = root.ownerDocument.createElement('style');
  style.setAttribute('data-roster', 'marks');
  style.textContent = markStyles;
  root.prepend(style);
}

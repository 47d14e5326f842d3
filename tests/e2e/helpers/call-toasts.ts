import type { Page } from 'playwright-core';
import { classes, piercedDocument, text, walk, type DomNode } from './pierced-dom';

/**
 * Roster's call toasts in a host page, as a person sees and uses them. They live in a closed
 * shadow root (a host page's scripts cannot reach them), so neither the page nor Playwright's
 * selectors can look inside; Chromium's DevTools protocol can (`pierce: true`), and clicks are real
 * mouse input at the button's place, as trusted as a person's.
 */

/** The toasts' shadow root, or undefined when the page has none (nothing ringing yet). */
async function toastRoot(
  page: Page,
): Promise<{ root: DomNode; send: (method: string, params: object) => Promise<unknown> } | undefined> {
  const { root, send } = await piercedDocument(page);
  const host = [...walk(root)].find((node) => node.nodeName === 'ROSTER-CALL-TOASTS');
  const shadow = host?.shadowRoots?.[0];
  return shadow ? { root: shadow, send } : undefined;
}

/** The text of every toast in the page, in every frame of it (a shell's frames included). */
export async function toastTextsInAllFrames(page: Page): Promise<string[]> {
  const { root } = await piercedDocument(page);
  return [...walk(root)]
    .filter((node) => node.nodeName === 'ROSTER-CALL-TOASTS')
    .flatMap((host) => [...walk(host)].filter((node) => classes(node).includes('toast')).map(text));
}

/** The text of each toast, top to bottom. */
export async function toastTexts(page: Page | undefined): Promise<string[]> {
  if (!page) return [];
  const found = await toastRoot(page);
  return found ? [...walk(found.root)].filter((node) => classes(node).includes('toast')).map(text) : [];
}

/** The "+N more" line, when there is one. */
export async function moreText(page: Page | undefined): Promise<string> {
  if (!page) return '';
  const found = await toastRoot(page);
  const more = found && [...walk(found.root)].find((node) => classes(node).includes('more'));
  return more ? text(more) : '';
}

/** How many `<img>` there are among the toasts (a name rendered as markup would make one). */
export async function imagesInToasts(page: Page): Promise<number> {
  const found = await toastRoot(page);
  return found ? [...walk(found.root)].filter((node) => node.nodeName === 'IMG').length : 0;
}

/** Clicks the `index`-th button whose text is `label`, with the real mouse. */
export async function clickToastButton(page: Page | undefined, label: string | RegExp, index = 0): Promise<void> {
  if (!page) throw new Error('no page');
  const found = await toastRoot(page);
  if (!found) throw new Error('no toasts on the page');
  const matches = (value: string) => (typeof label === 'string' ? value.trim() === label : label.test(value));
  const button = [...walk(found.root)].filter((node) => node.nodeName === 'BUTTON' && matches(text(node)))[index];
  if (!button) throw new Error(`no toast button ${String(label)}`);
  const { model } = (await found.send('DOM.getBoxModel', { nodeId: button.nodeId })) as {
    model: { content: number[] };
  };
  const [x1 = 0, y1 = 0, , , x3 = 0, y3 = 0] = model.content;
  await page.mouse.click((x1 + x3) / 2, (y1 + y3) / 2);
}

import type { Page } from 'playwright-core';

/**
 * Roster's call toasts in a host page, as a person sees and uses them. They live in a closed
 * shadow root (a host page's scripts cannot reach them), so neither the page nor Playwright's
 * selectors can look inside; Chromium's DevTools protocol can (`pierce: true`), and clicks are real
 * mouse input at the button's place, as trusted as a person's.
 */

interface DomNode {
  readonly nodeId: number;
  readonly nodeType: number;
  readonly nodeName: string;
  readonly nodeValue: string;
  readonly attributes?: string[];
  readonly children?: DomNode[];
  readonly shadowRoots?: DomNode[];
}

/** Every node under `node`, shadow roots included, depth first. */
function* walk(node: DomNode): Generator<DomNode> {
  yield node;
  for (const child of [...(node.shadowRoots ?? []), ...(node.children ?? [])]) yield* walk(child);
}

function text(node: DomNode): string {
  return [...walk(node)].filter((part) => part.nodeType === 3).map((part) => part.nodeValue).join('');
}

function classes(node: DomNode): string[] {
  const attributes = node.attributes ?? [];
  const index = attributes.indexOf('class');
  return index >= 0 ? (attributes[index + 1] ?? '').split(/\s+/) : [];
}

/** The toasts' shadow root, or undefined when the page has none (nothing ringing yet). */
async function toastRoot(page: Page): Promise<{ root: DomNode; send: (method: string, params: object) => Promise<unknown> } | undefined> {
  const cdp = await page.context().newCDPSession(page);
  const send = (method: string, params: object) => cdp.send(method as 'DOM.getDocument', params);
  const { root } = (await send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
  const host = [...walk(root)].find((node) => node.nodeName === 'ROSTER-CALL-TOASTS');
  const shadow = host?.shadowRoots?.[0];
  return shadow ? { root: shadow, send } : undefined;
}

/** The text of every toast in the page, in every frame of it (a shell's frames included). */
export async function toastTextsInAllFrames(page: Page): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
  await cdp.detach();
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
  const { model } = (await found.send('DOM.getBoxModel', { nodeId: button.nodeId })) as { model: { content: number[] } };
  const [x1 = 0, y1 = 0, , , x3 = 0, y3 = 0] = model.content;
  await page.mouse.click((x1 + x3) / 2, (y1 + y3) / 2);
}

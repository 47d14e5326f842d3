import type { Page } from 'playwright-core';

/**
 * A page's DOM as Chromium's DevTools protocol gives it with `pierce: true`: every frame and every
 * shadow root, closed ones included, which neither the page nor Playwright's selectors can enter.
 */
export interface DomNode {
  readonly nodeId: number;
  readonly nodeType: number;
  readonly nodeName: string;
  readonly nodeValue: string;
  readonly attributes?: string[];
  readonly children?: DomNode[];
  readonly shadowRoots?: DomNode[];
  readonly contentDocument?: DomNode;
}

/** Every node under `node`, shadow roots and frames' documents included, depth first. */
export function* walk(node: DomNode, seen = new Set<number>()): Generator<DomNode> {
  if (seen.has(node.nodeId)) return;
  seen.add(node.nodeId);
  yield node;
  const inside = [
    ...(node.shadowRoots ?? []),
    ...(node.contentDocument ? [node.contentDocument] : []),
    ...(node.children ?? []),
  ];
  for (const child of inside) yield* walk(child, seen);
}

export function text(node: DomNode): string {
  return [...walk(node)]
    .filter((part) => part.nodeType === 3)
    .map((part) => part.nodeValue)
    .join('');
}

export function attribute(node: DomNode, name: string): string | undefined {
  const attributes = node.attributes ?? [];
  for (let index = 0; index < attributes.length; index += 2)
    if (attributes[index] === name) return attributes[index + 1];
  return undefined;
}

export function classes(node: DomNode): string[] {
  return (attribute(node, 'class') ?? '').split(/\s+/);
}

/** The whole pierced document, and a way to send more protocol commands about its nodes. */
export async function piercedDocument(
  page: Page,
): Promise<{ root: DomNode; send: (method: string, params: object) => Promise<unknown> }> {
  const cdp = await page.context().newCDPSession(page);
  const send = (method: string, params: object) => cdp.send(method as 'DOM.getDocument', params);
  const { root } = (await send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
  return { root, send };
}

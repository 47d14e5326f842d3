import { browser } from 'wxt/browser';
import type { ScriptPublicPath } from 'wxt/utils/inject-script';
import type { ContentPart } from '../../core/messages/views-background';

/** Where WXT puts each part's unlisted entrypoints; the toasts carry their styles into their shadow root. */
const PARTS: Readonly<Record<ContentPart, { script: ScriptPublicPath; style?: string }>> = {
  'call-toasts': { script: '/call-toasts.js' },
  'hover-card': { script: '/hover-card.js', style: '/assets/hover-card-style.css' },
  'site-profiles': { script: '/site-profiles.js' },
  'shadow-styles': { script: '/shadow-styles.js' },
  'page-identity': { script: '/page-identity.js' },
};

/** Into one frame, beside its content script (the same isolated world, which is how they meet). */
export async function loadContentPart(part: ContentPart, tabId: number, frameId: number): Promise<unknown> {
  const { script, style } = PARTS[part];
  const target = { tabId, frameIds: [frameId] };
  if (style) await browser.scripting.insertCSS({ target, files: [style] });
  return browser.scripting.executeScript({ target, files: [script] });
}

import { browser } from 'wxt/browser';
import type { ScriptPublicPath } from 'wxt/utils/inject-script';
import type { ContentPart } from '../../core/messages/views-background';

/** Where WXT puts each part's unlisted entrypoint. */
const PART_SCRIPTS: Readonly<Record<ContentPart, ScriptPublicPath>> = {
  'call-toasts': '/call-toasts.js',
  'hover-card': '/hover-card.js',
};

/** Into one frame, beside its content script (the same isolated world, which is how they meet). */
export function loadContentPart(part: ContentPart, tabId: number, frameId: number): Promise<unknown> {
  return browser.scripting.executeScript({ target: { tabId, frameIds: [frameId] }, files: [PART_SCRIPTS[part]] });
}

import { browser } from 'wxt/browser';
import type { ScriptPublicPath } from 'wxt/utils/inject-script';

/** Where WXT puts the `call-toasts` entrypoint. */
const CALL_TOASTS_SCRIPT: ScriptPublicPath = '/call-toasts.js';

/** Into one frame, beside its content script (the same isolated world, which is how they meet). */
export function loadCallToasts(tabId: number, frameId: number): Promise<unknown> {
  return browser.scripting.executeScript({ target: { tabId, frameIds: [frameId] }, files: [CALL_TOASTS_SCRIPT] });
}

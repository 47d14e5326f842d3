import { browser } from 'wxt/browser';

/** MV2 (Firefox) calls the toolbar button `browserAction`; MV3 calls it `action`. */
export function toolbarButton(): typeof browser.action {
  const perVersion = browser as unknown as { action?: typeof browser.action; browserAction: typeof browser.action };
  return perVersion.action ?? perVersion.browserAction;
}

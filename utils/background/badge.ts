import { browser } from 'wxt/browser';

/** MV2 (Firefox) calls the toolbar button `browserAction`; MV3 calls it `action`. */
function toolbarButton(): typeof browser.action {
  const perVersion = browser as unknown as { action?: typeof browser.action; browserAction: typeof browser.action };
  return perVersion.action ?? perVersion.browserAction;
}

/** The toolbar badge: how many calls I have not seen yet. */
export function setUnseenBadge(unseen: number): void {
  const button = toolbarButton();
  const text = unseen === 0 ? '' : unseen > 99 ? '99+' : String(unseen);
  void button.setBadgeText({ text }).catch(() => undefined);
  if (unseen > 0) void button.setBadgeBackgroundColor({ color: '#cf222e' }).catch(() => undefined);
}

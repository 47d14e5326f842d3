import { browser } from 'wxt/browser';

/** The toolbar badge: how many calls I have not seen yet. */
export function setUnseenBadge(unseen: number): void {
  const text = unseen === 0 ? '' : unseen > 99 ? '99+' : String(unseen);
  void browser.action.setBadgeText({ text }).catch(() => undefined);
  if (unseen > 0) void browser.action.setBadgeBackgroundColor({ color: '#cf222e' }).catch(() => undefined);
}

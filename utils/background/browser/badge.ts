import { toolbarButton } from './toolbar-button';

/** The toolbar badge: how many calls I have not seen yet. */
export function setUnseenBadge(unseen: number): void {
  const button = toolbarButton();
  const text = unseen === 0 ? '' : unseen > 99 ? '99+' : String(unseen);
  void button.setBadgeText({ text }).catch(() => undefined);
  if (unseen > 0) void button.setBadgeBackgroundColor({ color: '#cf222e' }).catch(() => undefined);
}

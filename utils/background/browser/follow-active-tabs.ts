import { browser } from 'wxt/browser';
import { createLogger } from '../../core/log';
import type { ActiveTabs } from '../ports/active-tabs';

const log = createLogger('active-tabs');

/**
 * Keeps `active` in step with the browser. Listeners go on first, then one query fills in the
 * windows no event has spoken for yet. Knowing a tab's id and window needs no permission.
 */
export function followActiveTabs(active: ActiveTabs): void {
  browser.tabs.onActivated.addListener(({ tabId, windowId }) => active.activated(tabId, windowId));
  browser.tabs.onRemoved.addListener((_, { windowId, isWindowClosing }) => {
    if (isWindowClosing) active.windowClosed(windowId);
  });
  browser.tabs.query({ active: true }).then(
    (tabs) =>
      active.found(tabs.flatMap((tab) => (tab.id === undefined ? [] : [{ tabId: tab.id, windowId: tab.windowId }]))),
    (error: unknown) => log.warn('could not tell which tabs are shown', error),
  );
}

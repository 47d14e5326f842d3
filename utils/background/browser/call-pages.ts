import { browser } from 'wxt/browser';
import type { PagesPort } from '../ports/hub';

/**
 * The tabs that calls about a page need. Addresses are read only from host tabs (the extension's
 * host permissions), which are the only ones a call may be about anyway.
 */
export function browserCallPages(): PagesPort {
  return {
    async active() {
      const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
      return tab ? { ...(tab.url ? { url: tab.url } : {}), ...(tab.title ? { title: tab.title } : {}) } : undefined;
    },
    async open(url) {
      const tabs = await browser.tabs.query({});
      // The whole address, fragment included: a hash-routed admin app (`/#/orders/42`) keeps its page there.
      const showing = tabs.find((tab) => tab.url === url);
      if (showing?.id === undefined) {
        await browser.tabs.create({ url });
        return;
      }
      await browser.tabs.update(showing.id, { active: true });
      await browser.windows.update(showing.windowId, { focused: true });
    },
  };
}

import { browser } from 'wxt/browser';
import { createLogger } from '../core/log';
import { popupShortcut, shortcutsPage } from './popup-shortcut';

const log = createLogger('shortcut');

/** The popup's key, from an extension page (popup, options); injected into the views as a port. */
export interface ShortcutPort {
  /** The key that opens the popup now; `undefined` when none is set (another extension may hold it). */
  current(): Promise<string | undefined>;
  /** Opens the browser's own page for extension shortcuts. */
  openSettings(): Promise<void>;
}

export function browserShortcut(): ShortcutPort {
  return {
    current: () => browser.commands.getAll().then(popupShortcut, () => undefined),
    async openSettings() {
      try {
        if (import.meta.env.FIREFOX) {
          // Firefox 137+: extensions may open about:addons' shortcut page; nothing else may.
          await (browser.commands as unknown as { openShortcutSettings(): Promise<void> }).openShortcutSettings();
        } else {
          await browser.tabs.create({ url: shortcutsPage(navigator.userAgent) });
        }
      } catch (error) {
        log.warn('could not open the shortcut settings', error);
      }
    },
  };
}

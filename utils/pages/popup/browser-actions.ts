import { browser } from 'wxt/browser';
import { browserShortcut, type ShortcutPort } from '../browser-shortcut';

/** What the popup asks of the browser itself (not of Roster's background); injected so tests can watch. */
export interface BrowserActions {
  /** Roster's settings page. Resolves `false` when there is none to open. */
  openOptions(): Promise<boolean>;
  /**
   * Asks for host permissions. Must be called straight from a click: browsers grant the prompt
   * only inside a user gesture, so nothing may be awaited before it.
   */
  requestOrigins(origins: readonly string[]): Promise<boolean>;
  /** The key that opens this popup, and the browser's page to change it. */
  readonly shortcut: ShortcutPort;
}

export function browserActions(): BrowserActions {
  return {
    openOptions: () =>
      browser.runtime.openOptionsPage().then(
        () => true,
        () => false,
      ),
    requestOrigins: (origins) => browser.permissions.request({ origins: [...origins] }).catch(() => false),
    shortcut: browserShortcut(),
  };
}

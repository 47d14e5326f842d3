/** The manifest commands that open the toolbar popup: MV3's and MV2's. */
const OPEN_POPUP = new Set(['_execute_action', '_execute_browser_action']);

export interface BrowserCommand {
  readonly name?: string;
  readonly shortcut?: string;
}

/** The key that opens the popup, as the browser reports it; `undefined` when none is set. Pure. */
export function popupShortcut(commands: readonly BrowserCommand[]): string | undefined {
  const shortcut = commands
    .find((command) => command.name !== undefined && OPEN_POPUP.has(command.name))
    ?.shortcut?.trim();
  return shortcut === '' ? undefined : shortcut;
}

/** Where a Chromium browser keeps extension shortcuts (Edge has its own scheme). Pure. */
export function shortcutsPage(userAgent: string): string {
  return /\bEdg\//.test(userAgent) ? 'edge://extensions/shortcuts' : 'chrome://extensions/shortcuts';
}

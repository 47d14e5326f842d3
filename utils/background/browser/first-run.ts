import { browser } from 'wxt/browser';
import { createLogger } from '../../core/log';
import type { Settings } from '../../core/settings/schema';
import { loadSettings } from '../../extension/settings-storage';

const log = createLogger('first-run');

/**
 * On a fresh install Chromium may answer `storage.managed` only seconds after start. An IT policy
 * that names the server must be seen before deciding, or a thousand managed browsers would each
 * open a settings tab nobody needs; a lone user waits no more than this for their tab.
 */
export const POLICY_WAIT_ON_INSTALL_MS = 10_000;

/** Roster cannot do anything before it knows its server. Pure. */
export function needsSetup(settings: Pick<Settings, 'serverUrl'>): boolean {
  return settings.serverUrl === '';
}

export interface FirstRunDeps {
  readonly loadSettings: (waitForPolicyMs: number) => Promise<{ readonly settings: Settings }>;
  readonly openOptionsPage: () => Promise<void>;
}

const browserFirstRunDeps: FirstRunDeps = {
  loadSettings,
  openOptionsPage: () => browser.runtime.openOptionsPage(),
};

/** Called from the background's first turn, so the install event that wakes it is not missed. */
export function openOptionsOnFirstInstall(deps: FirstRunDeps = browserFirstRunDeps): void {
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason !== 'install') return;
    deps
      .loadSettings(POLICY_WAIT_ON_INSTALL_MS)
      .then(({ settings }) => (needsSetup(settings) ? deps.openOptionsPage() : undefined))
      .catch((error: unknown) => log.warn('could not open the settings page after install', error));
  });
}

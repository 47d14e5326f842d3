import { browser } from 'wxt/browser';
import { matchesAny } from '../../core/sites/match-pattern';
import { readSitesMessage } from '../../core/messages/background-content-sites';
import { whileExtensionAlive } from './alive-signal';

/** Calls `onUnlisted` once the background says this page is no longer one Roster may run on. */
export function onSiteUnlisted(href: () => string, onUnlisted: () => void, signal: AbortSignal): void {
  const listener = (message: unknown, sender: { id?: string }) => {
    if (sender.id !== browser.runtime.id) return;
    const sites = readSitesMessage(message);
    if (sites && !matchesAny(sites.matches, href())) onUnlisted();
  };
  browser.runtime.onMessage.addListener(listener);
  whileExtensionAlive(signal).addEventListener('abort', () => browser.runtime.onMessage.removeListener(listener), {
    once: true,
  });
}

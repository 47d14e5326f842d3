/**
 * What the service worker saw, with the epoch time of each: every port a page connected (its
 * sender's URL: for a host page, about when its content script started, which connects first
 * thing), and every file or function the background put into a page with `scripting` (the lazily
 * loaded parts of the content script, README "Bundle sizes"). The watch lives in that worker only:
 * `watchWorker` again after a restart (it installs itself once per worker).
 */
import type { ExtensionBrowser } from '../tests/e2e/helpers/chromium';

export interface WorkerEntry {
  readonly kind: 'port' | 'part';
  /** The port sender's URL, or the injected file (`function name` for a function). */
  readonly name: string;
  readonly at: number;
}

/** Sent as source text: the worker has no `__name` helper for what tsx would compile a function into. */
const WATCH = `(() => {
  if (globalThis.rosterBenchLog) return;
  const log = (globalThis.rosterBenchLog = []);
  chrome.runtime.onConnect.addListener((port) => log.push({ kind: 'port', name: port.sender?.url ?? '', at: Date.now() }));
  const api = chrome.scripting;
  for (const method of ['executeScript', 'insertCSS']) {
    const original = api[method].bind(api);
    api[method] = (injection, ...rest) => {
      for (const name of injection.files ?? ['function ' + (injection.func?.name ?? '')])
        log.push({ kind: 'part', name, at: Date.now() });
      return original(injection, ...rest);
    };
  }
})()`;

export async function watchWorker(browser: ExtensionBrowser): Promise<void> {
  await browser.worker.evaluate(WATCH);
}

/** Everything logged since the watch began (or since the last take), oldest first. */
export function takeWorkerLog(browser: ExtensionBrowser): Promise<WorkerEntry[]> {
  return browser.worker.evaluate<WorkerEntry[]>(
    '(() => { const log = globalThis.rosterBenchLog ?? []; return log.splice(0, log.length); })()',
  );
}

import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import type { browser as WxtBrowser } from 'wxt/browser';

export const FIREFOX_EXTENSION_DIR = resolve('.output/firefox-mv2-demo');
export const GECKO_ID = 'roster@roster-presence.org';

/** How long an extension page gets to draw its first content. */
const EXTENSION_PAGE_TIMEOUT_MS = 10_000;

/** The WebExtension API as Firefox gives it to extension pages (`browser.*`, promise-based). */
export type FirefoxApi = typeof WxtBrowser & { browserAction: typeof WxtBrowser.action };

/**
 * For `page.evaluate` callbacks that run in an extension page: `browser` is a global there, but
 * declaring it globally would hide a missing `import { browser }` in the product's own code.
 */
export type ExtensionGlobal = typeof globalThis & { browser: FirefoxApi };

export interface FirefoxLaunchOptions {
  /** More Firefox preferences for the fresh profile. */
  readonly prefs?: Readonly<Record<string, unknown>>;
}

export interface FirefoxWithExtension {
  readonly browser: Browser;
  readonly baseUrl: string;
  readonly popupUrl: string;
  /**
   * Opens an extension page (moz-extension://…) in a new tab. `goto` may never resolve there, so
   * with `ready` (a selector) nothing waits on the navigation: the page is returned once `ready`
   * is on it. Without it, the navigation gets 3 s.
   */
  openExtensionPage(path: string, ready?: string): Promise<Page>;
  close(): Promise<void>;
}

/** Debian's Firefox ESR over WebDriver BiDi, with the demo build installed as a temporary add-on. */
export async function launchFirefox(options: FirefoxLaunchOptions = {}): Promise<FirefoxWithExtension> {
  const uuid = randomUUID();
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr',
    headless: true,
    protocol: 'webDriverBiDi',
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: { ...options.prefs, 'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: uuid }) },
  });
  try {
    await browser.installExtension(FIREFOX_EXTENSION_DIR);
  } catch (error) {
    await browser.close();
    throw error;
  }
  const baseUrl = `moz-extension://${uuid}`;
  return {
    browser,
    baseUrl,
    popupUrl: `${baseUrl}/popup.html`,
    async openExtensionPage(path, ready) {
      const page = await browser.newPage();
      const url = `${baseUrl}${path}`;
      if (ready === undefined) {
        await page.goto(url, { timeout: 3_000 }).catch(() => undefined);
        return page;
      }
      // The navigation's promise is left alone: it may settle late, or never. `waitForSelector` is
      // no help either: it fails ("Waiting failed") when the navigation replaces about:blank's realm.
      page.goto(url, { timeout: EXTENSION_PAGE_TIMEOUT_MS }).catch(() => undefined);
      const deadline = Date.now() + EXTENSION_PAGE_TIMEOUT_MS;
      const isReady = () =>
        page.$(ready).then(
          async (found) => {
            await found?.dispose();
            return found !== null;
          },
          () => false,
        );
      while (!(await isReady())) {
        if (Date.now() > deadline)
          throw new Error(`${url} showed no ${ready} within ${EXTENSION_PAGE_TIMEOUT_MS} ms (at ${page.url()})`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      return page;
    },
    close: () => browser.close(),
  };
}

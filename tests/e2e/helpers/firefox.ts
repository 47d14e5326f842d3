import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';

export const FIREFOX_EXTENSION_DIR = resolve('.output/firefox-mv2-demo');
export const GECKO_ID = 'roster@roster-presence.org';

export interface FirefoxWithExtension {
  readonly browser: Browser;
  readonly baseUrl: string;
  readonly popupUrl: string;
  /** Opens an extension page (moz-extension://…); `goto` may never resolve there, so don't wait on it. */
  openExtensionPage(path: string): Promise<Page>;
  close(): Promise<void>;
}

/** Debian's Firefox ESR over WebDriver BiDi, with the demo build installed as a temporary add-on. */
export async function launchFirefox(): Promise<FirefoxWithExtension> {
  const uuid = randomUUID();
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr',
    headless: true,
    protocol: 'webDriverBiDi',
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: { 'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: uuid }) },
  });
  await browser.installExtension(FIREFOX_EXTENSION_DIR);
  const baseUrl = `moz-extension://${uuid}`;
  return {
    browser,
    baseUrl,
    popupUrl: `${baseUrl}/popup.html`,
    async openExtensionPage(path) {
      const page = await browser.newPage();
      await page.goto(`${baseUrl}${path}`, { timeout: 3_000 }).catch(() => undefined);
      return page;
    },
    close: () => browser.close(),
  };
}

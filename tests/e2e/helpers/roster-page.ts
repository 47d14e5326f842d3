import type { Page } from 'playwright-core';
import type { ExtensionBrowser } from './chromium';

/** The settings that point Roster at a test server: its socket, its sign-in cookie, its user list. */
export function siteSettings(httpUrl: string, wsUrl: string): Record<string, unknown> {
  return {
    serverUrl: wsUrl,
    auth: { cookieUrl: `${httpUrl}/`, cookieName: 'USERTOKEN' },
    directory: { url: `${httpUrl}/api/users` },
  };
}

/** Points the installed extension at a test server (what the options page will do). */
export async function configureExtension(browser: ExtensionBrowser, httpUrl: string, wsUrl: string): Promise<void> {
  const settings = siteSettings(httpUrl, wsUrl);
  await browser.worker.evaluate(async (value) => {
    await chrome.storage.local.set({ settings: value });
  }, settings);
}

/** Opens the toolbar popup's page in a tab, as a person would see it. */
export async function openPopup(browser: ExtensionBrowser): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(browser.popupUrl);
  return page;
}

/** The names the popup lists as online (me excluded), sorted. */
export async function popupNames(popup: Page): Promise<string[]> {
  const names = await popup.locator('.person .name').allTextContents();
  return names.sort();
}

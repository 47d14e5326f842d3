import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { formatMessage, type Language } from '../../unit/components/popup/helpers/messages';
import type { ExtensionBrowser } from './chromium';

/** Outside the repository: screenshots are looked at, not committed. */
export const SHOTS_DIR = '/tmp/roster-popup-shots';

/** Chrome's toolbar popup is at most 800 × 600; ours is 360 wide. */
const POPUP_VIEWPORT = { width: 360, height: 600 };

export interface PopupPage {
  readonly page: Page;
  /** Console errors and uncaught exceptions seen on the page: there should be none. */
  readonly errors: string[];
}

/** The popup page in a tab of the popup's size, once it has drawn the background's state. */
export async function openPopupPage(browser: ExtensionBrowser): Promise<PopupPage> {
  const page = await browser.context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  await page.setViewportSize(POPUP_VIEWPORT);
  await page.goto(browser.popupUrl);
  await page.waitForSelector('main.popup[aria-busy="false"]');
  return { page, errors };
}

/**
 * The popup as the toolbar opens it over the tab in front: in a window of its own that does not
 * take the focus, so the tab the user was looking at stays the active one.
 */
export async function openPopupOverActiveTab(browser: ExtensionBrowser): Promise<PopupPage> {
  const opened = browser.context.waitForEvent('page');
  await browser.worker.evaluate(
    async ({ url, size }) => {
      await chrome.windows.create({ url, type: 'popup', focused: false, ...size });
    },
    { url: browser.popupUrl, size: POPUP_VIEWPORT },
  );
  const page = await opened;
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  await page.setViewportSize(POPUP_VIEWPORT);
  await page.waitForSelector('main.popup[aria-busy="false"]');
  return { page, errors };
}

/** The connection state's headline (the live region). */
export async function headline(page: Page): Promise<string> {
  return (await page.locator('#status-headline').textContent()) ?? '';
}

/** Saves the popup as it looks in light and in dark mode; returns the two paths. */
export async function shoot(page: Page, language: Language, name: string): Promise<string[]> {
  const dir = join(SHOTS_DIR, language);
  mkdirSync(dir, { recursive: true });
  const paths: string[] = [];
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const path = join(dir, `${name}-${colorScheme}.png`);
    await page.locator('main.popup').screenshot({ path, animations: 'disabled' });
    paths.push(path);
  }
  await page.emulateMedia({ colorScheme: 'light' });
  return paths;
}

/** Replaces the saved settings (what the options page will do), e.g. to unset the server. */
export async function saveSettings(browser: ExtensionBrowser, settings: Record<string, unknown>): Promise<void> {
  await browser.worker.evaluate(async (value) => {
    await chrome.storage.local.set({ settings: value });
  }, settings);
}

/** Chromium's UI language as the extension sees it. */
export function launchOptions(language: Language) {
  return language === 'zh_CN' ? { args: ['--lang=zh-CN'], env: { LANGUAGE: 'zh_CN', LANG: 'zh_CN.UTF-8' } } : {};
}

/** `t(key, …)` as the popup renders it in `language`. */
export function say(language: Language, key: string, ...substitutions: string[]): string {
  return formatMessage(language, key, substitutions);
}

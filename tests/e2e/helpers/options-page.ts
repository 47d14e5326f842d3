import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { Language } from '../../unit/components/popup/helpers/messages';
import type { ExtensionBrowser } from './chromium';

/** Outside the repository: screenshots are looked at, not committed. */
export const OPTIONS_SHOTS_DIR = '/tmp/roster-options-shots';

export interface OptionsPage {
  readonly page: Page;
  /** Console errors and uncaught exceptions: there should be none. */
  readonly errors: string[];
}

/** Roster's options page in a tab, once its form has loaded. */
export async function openOptionsPage(
  browser: ExtensionBrowser,
  size = { width: 1200, height: 900 },
): Promise<OptionsPage> {
  const page = await browser.context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  await page.setViewportSize(size);
  await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await page.waitForSelector('#field-serverUrl');
  return { page, errors };
}

/** The control of the settings field at a dotted path (the page's ids are derived from it). */
export function fieldSelector(path: string, suffix = ''): string {
  return `#field-${path.replace(/\./g, '-')}${suffix ? `-${suffix}` : ''}`;
}

/** Types into a field and leaves it, as a person does (its problem, if any, then shows). */
export async function fill(page: Page, path: string, text: string): Promise<void> {
  const input = page.locator(fieldSelector(path));
  await input.fill(text);
  await input.blur();
}

/** What the user saved, straight from storage. */
export function storedSettings(browser: ExtensionBrowser): Promise<unknown> {
  return browser.worker.evaluate(async () => (await chrome.storage.local.get('settings')).settings);
}

/** The page in light and dark, the visible part and the whole; returns the paths written. */
export async function shootOptions(
  page: Page,
  language: Language,
  name: string,
  options: { fullPage?: boolean } = {},
): Promise<string[]> {
  const dir = join(OPTIONS_SHOTS_DIR, language);
  mkdirSync(dir, { recursive: true });
  const paths: string[] = [];
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const path = join(dir, `${name}-${colorScheme}.png`);
    await page.screenshot({ path, fullPage: options.fullPage ?? false, animations: 'disabled' });
    paths.push(path);
  }
  await page.emulateMedia({ colorScheme: 'light' });
  return paths;
}

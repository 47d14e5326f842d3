import { vi } from 'vitest';
import { browser } from 'wxt/browser';
import { formatMessage, type Language } from './messages';

/** `browser.i18n` as Chrome answers it, from our real catalogues. */
export function useMessages(language: Language = 'en'): void {
  vi.spyOn(browser.i18n, 'getMessage').mockImplementation((key: string, substitutions?: string | string[]) =>
    formatMessage(language, key, typeof substitutions === 'string' ? [substitutions] : (substitutions ?? [])),
  );
  vi.spyOn(browser.i18n, 'getUILanguage').mockReturnValue(language === 'en' ? 'en-US' : 'zh-CN');
}

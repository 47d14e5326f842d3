import { browser } from 'wxt/browser';

/** Keys of `_locales/en/messages.json`, the complete catalogue. */
export type MessageKey = keyof typeof import('../../public/_locales/en/messages.json');

/** A UI string in the browser's language; placeholders are plain text, never markup. */
export function t(key: MessageKey, ...substitutions: (string | number)[]): string {
  return browser.i18n.getMessage(key, substitutions.map(String)) || key;
}

import { createContext } from 'preact';
import { useContext } from 'preact/hooks';

/** The browser's UI language (`i18n.getUILanguage()`): the locale of every date and of the name order. */
export const LocaleContext = createContext('en');

export function useLocale(): string {
  return useContext(LocaleContext);
}

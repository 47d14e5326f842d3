import en from '../../../../../public/_locales/en/messages.json';
import zh from '../../../../../public/_locales/zh_CN/messages.json';

export type Language = 'en' | 'zh_CN';

interface Entry {
  readonly message: string;
  readonly placeholders?: Readonly<Record<string, { readonly content: string }>>;
}

const catalogues: Readonly<Record<Language, Readonly<Record<string, Entry | undefined>>>> = { en, zh_CN: zh };

/** A message from our real catalogues as Chrome builds it: `$NAME$` placeholders holding `$1`…; '' when unknown. */
export function formatMessage(language: Language, key: string, substitutions: readonly string[] = []): string {
  const entry = catalogues[language][key];
  if (!entry) return '';
  return entry.message.replace(/\$([A-Za-z0-9_]+)\$/g, (whole: string, name: string) => {
    const content = entry.placeholders?.[name.toLowerCase()]?.content;
    if (!content) return whole;
    return content.replace(/\$(\d)/g, (_: string, index: string) => substitutions[Number(index) - 1] ?? '');
  });
}

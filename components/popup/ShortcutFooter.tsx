import { useEffect, useState } from 'preact/hooks';
import type { ShortcutPort } from '../../utils/browser-shortcut';
import { t } from '../../utils/i18n';

/** The popup's last line: the key that opens it, and where to change it. */
export function ShortcutFooter({ shortcut }: { readonly shortcut: ShortcutPort }) {
  // `null` until the browser answers: nothing is said rather than something wrong.
  const [key, setKey] = useState<string | undefined | null>(null);
  useEffect(() => {
    let current = true;
    void shortcut.current().then((found) => current && setKey(found));
    return () => {
      current = false;
    };
  }, [shortcut]);
  if (key === null) return null;
  return (
    <footer class="footer">
      <span>{key ? t('popupShortcut', key) : t('popupShortcutNone')}</span>
      <button type="button" class="link-button" onClick={() => void shortcut.openSettings()}>
        {key ? t('shortcutChange') : t('shortcutSet')}
      </button>
    </footer>
  );
}

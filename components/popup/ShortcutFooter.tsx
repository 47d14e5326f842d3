import type { ShortcutPort } from '../../utils/pages/browser-shortcut';
import { t } from '../../utils/extension/i18n';
import { useShortcutKey } from '../use-shortcut-key';

/** The popup's last line: the key that opens it, and where to change it. */
export function ShortcutFooter({ shortcut }: { readonly shortcut: ShortcutPort }) {
  const key = useShortcutKey(shortcut);
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

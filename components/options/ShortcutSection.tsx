import { t } from '../../utils/extension/i18n';
import { shortcutsPage } from '../../utils/pages/popup-shortcut';
import { useShortcutKey } from '../use-shortcut-key';
import { useForm } from './form-context';
import { Section } from './Section';

/** The key that opens the popup: what it is now, and where the browser lets people change it. */
export function ShortcutSection() {
  const { ports } = useForm();
  const key = useShortcutKey(ports.shortcut);
  const firefox = ports.extension.browser === 'firefox';
  return (
    <Section id="shortcut" title={t('optionsShortcutTitle')} intro={t('optionsShortcutIntro')}>
      {key !== null && (
        <p class={key ? 'probe__line probe--ok' : 'probe__line probe--problem'} role="status">
          {key ? t('optionsShortcutNow', key) : t('optionsShortcutNone')}
        </p>
      )}
      <p class="field__hint">
        {firefox ? t('optionsShortcutWhereFirefox') : t('optionsShortcutWhere', shortcutsPage(navigator.userAgent))}
      </p>
      <div class="actions">
        <button type="button" class="button button--secondary" onClick={() => void ports.shortcut.openSettings()}>
          {t('optionsShortcutOpen')}
        </button>
      </div>
    </Section>
  );
}

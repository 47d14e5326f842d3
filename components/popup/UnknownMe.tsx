import { useState } from 'preact/hooks';
import { t } from '../../utils/extension/i18n';
import type { BrowserActions } from '../../utils/pages/popup/browser-actions';

/**
 * Signed in, connected, and still nobody knows who I am (an opaque token and no source set up):
 * calls to me arrive, calls from me are refused, and this says what to do about it.
 */
export function UnknownMe({ actions }: { readonly actions: BrowserActions }) {
  const [refused, setRefused] = useState(false);
  return (
    <section class="status status--busy" aria-labelledby="unknown-me-headline">
      <p id="unknown-me-headline" class="status__headline">
        <span class="status__dot" aria-hidden="true" />
        {t('popupUnknownMe')}
      </p>
      <p class="status__hint">{t('popupUnknownMeHint')}</p>
      <div class="status__actions">
        <button
          type="button"
          class="button button--small"
          onClick={() => void actions.openOptions().then((opened) => setRefused(!opened))}
        >
          {t('popupUnknownMeAction')}
        </button>
        {refused && <span class="status__note">{t('popupNoSettingsPage')}</span>}
      </div>
    </section>
  );
}

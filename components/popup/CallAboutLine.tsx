import type { CallRecord } from '../../utils/core/calls/records';
import { t } from '../../utils/extension/i18n';

interface Props {
  readonly call: CallRecord;
  /** Offers Open when the call names a page (its address passed the sites check on arrival). */
  readonly onOpen: (call: CallRecord) => void;
  readonly openFailed: boolean;
}

/** What a call was about and what the caller said, as text; Open asks the background to show the page. */
export function CallAboutLine({ call, onOpen, openFailed }: Props) {
  const { context } = call;
  if (!context) return null;
  const { url, title, note } = context;
  return (
    <span class="call-about">
      {title && (
        <span class="call-about__title" title={title}>
          {t('callAbout', title)}
        </span>
      )}
      {note && (
        <span class="call-about__note" title={note}>
          {t('callNote', note)}
        </span>
      )}
      {url && (
        <span class="call-about__open">
          <button
            type="button"
            class="link-button"
            aria-label={t('openCallPageLabel', title ?? url)}
            title={url}
            onClick={() => onOpen(call)}
          >
            {t('openCallPage')}
          </button>
          {openFailed && <span class="tone--problem">{t('openCallPageFailed')}</span>}
        </span>
      )}
    </span>
  );
}

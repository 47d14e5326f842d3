import type { RingingCall } from '../../utils/core/calls/records';
import { t } from '../../utils/extension/i18n';
import { MAX_TOASTS, toastStack } from '../../utils/content/calls/toast-stack';

interface Props {
  readonly ringing: readonly RingingCall[];
  /** Ringing too, but only counted (a flood): they add to "+N more". */
  readonly hidden?: number;
  /** A line under a toast after an action failed (e.g. the caller went offline). */
  readonly notes: ReadonlyMap<string, string>;
  readonly onCallBack: (id: string) => void;
  readonly onDismiss: (id: string) => void;
  readonly onDismissAll: () => void;
}

const time = new Intl.DateTimeFormat(undefined, { timeStyle: 'short' });

/** Only a person's own click counts: a host page's script may dispatch clicks too. */
const trusted = (action: () => void) => (event: Event) => {
  if (event.isTrusted) action();
};

/** Incoming calls in the corner of a host page, like the original app's notice; names are text. */
export function CallToasts({ ringing, hidden = 0, notes, onCallBack, onDismiss, onDismissAll }: Props) {
  const { shown, more } = toastStack(ringing, MAX_TOASTS, hidden);
  if (shown.length === 0) return null;
  return (
    <section class="stack" aria-label={t('extName')}>
      {more > 0 && (
        <div class="more" role="status">
          <span>{t('toastMore', more)}</span>
          <button type="button" class="quiet" onClick={trusted(onDismissAll)}>
            {t('dismissAll')}
          </button>
        </div>
      )}
      {shown.map((call) => (
        <div key={call.id} class="toast" role="alertdialog" aria-labelledby={`roster-toast-${call.id}`}>
          <p class="title" id={`roster-toast-${call.id}`}>
            {t('notificationTitle', call.callerName)}
          </p>
          <p class="time">{t('notificationMessage', time.format(call.at))}</p>
          {notes.has(call.id) && <p class="note">{notes.get(call.id)}</p>}
          <div class="actions">
            <button type="button" class="primary" onClick={trusted(() => onCallBack(call.id))}>
              {t('callBack')}
            </button>
            <button type="button" class="quiet" onClick={trusted(() => onDismiss(call.id))}>
              {t('dismiss')}
            </button>
          </div>
        </div>
      ))}
    </section>
  );
}

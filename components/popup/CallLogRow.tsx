import type { CallRecord, IncomingCall } from '../../utils/core/calls/records';
import { t } from '../../utils/extension/i18n';
import type { LogEntry } from '../../utils/pages/popup/call-log';
import { recordWords } from '../../utils/pages/popup/call-text';
import { CallAboutLine } from './CallAboutLine';
import { TimeText } from './TimeText';

interface Props {
  readonly entry: LogEntry;
  readonly online: boolean;
  readonly now: number;
  readonly canCall: boolean;
  readonly onCall: () => void;
  readonly onDismiss: (call: IncomingCall) => void;
  readonly onOpen: (call: CallRecord) => void;
  readonly openFailed: boolean;
}

/** One call in the log: who, which way, what became of it, when; and calling them (back). */
export function CallLogRow({ entry, online, now, canCall, onCall, onDismiss, onOpen, openFailed }: Props) {
  const { record, name } = entry;
  const incoming = record.kind === 'incoming';
  const words = recordWords(record);
  const classes = ['call-entry', `call-entry--${record.kind}`];
  if (incoming && record.status === 'missed') classes.push('is-missed');
  if (entry.owed) classes.push('is-owed');
  if (entry.isNew) classes.push('is-new');
  return (
    <li class={classes.join(' ')}>
      <span class="call-entry__icon" aria-hidden="true">
        {incoming ? '↙' : '↗'}
      </span>
      <span class="call-entry__text">
        <span class="call-entry__name" title={name}>
          <span class="sr-only">{t(incoming ? 'popupIncoming' : 'popupOutgoing')} </span>
          {name}
        </span>
        <span class="call-entry__meta">
          <span class={`tone--${words.tone}`}>{t(words.key, ...words.substitutions)}</span>
          {' · '}
          <TimeText at={record.at} now={now} />
          {entry.isNew && <span class="tag tag--new">{t('popupNew')}</span>}
        </span>
        <CallAboutLine call={record} onOpen={onOpen} openFailed={openFailed} />
      </span>
      <span class="call-entry__actions">
        {incoming && record.status === 'ringing' && (
          <button
            type="button"
            class="button button--small button--quiet"
            onClick={() => onDismiss(record)}
            aria-label={t('popupDismissFrom', name)}
          >
            {t('dismiss')}
          </button>
        )}
        {online ? (
          <button
            type="button"
            class="button button--small"
            aria-disabled={!canCall}
            onClick={onCall}
            aria-label={t(incoming ? 'popupCallBackTo' : 'popupCallAgainTo', name)}
          >
            {t(incoming ? 'callBack' : 'popupCallAgain')}
          </button>
        ) : (
          <span class="call-entry__offline">{t('popupOffline')}</span>
        )}
      </span>
    </li>
  );
}

import type { CallRecord, IncomingCall } from '../../utils/core/calls/records';
import { t } from '../../utils/extension/i18n';
import type { DirectoryEntries } from '../../utils/core/presence/directory';
import { recordName } from '../../utils/pages/popup/call-log';
import { CallAboutLine } from './CallAboutLine';
import { TimeText } from './TimeText';

interface Props {
  readonly calls: readonly IncomingCall[];
  readonly names: DirectoryEntries;
  readonly now: number;
  readonly onCallBack: (call: IncomingCall) => void;
  readonly onDismiss: (call: IncomingCall) => void;
  readonly onOpen: (call: CallRecord) => void;
  readonly openFailed: ReadonlySet<string>;
}

/** Calls ringing right now, above everything else: answer (ring back) or dismiss. */
export function RingingCalls({ calls, names, now, onCallBack, onDismiss, onOpen, openFailed }: Props) {
  if (calls.length === 0) return null;
  return (
    <section class="ringing" aria-label={t('popupRingingLabel')}>
      {calls.map((call) => {
        const name = recordName(call, names);
        return (
          <div key={call.id} class="ringing__call">
            <span class="ringing__pulse" aria-hidden="true" />
            <p class="ringing__text">
              <strong class="ringing__who" title={name}>
                {t('popupRingingTitle', name)}
              </strong>
              <TimeText at={call.at} now={now} />
              <CallAboutLine call={call} onOpen={onOpen} openFailed={openFailed.has(call.id)} />
            </p>
            <div class="ringing__actions">
              <button
                type="button"
                class="button button--small"
                onClick={() => onCallBack(call)}
                aria-label={t('popupCallBackTo', name)}
              >
                {t('callBack')}
              </button>
              <button
                type="button"
                class="button button--small button--quiet"
                onClick={() => onDismiss(call)}
                aria-label={t('popupDismissFrom', name)}
              >
                {t('dismiss')}
              </button>
            </div>
          </div>
        );
      })}
    </section>
  );
}

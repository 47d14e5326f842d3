import { useMemo } from 'preact/hooks';
import type { CallRecord, IncomingCall } from '../../utils/core/calls/records';
import { t } from '../../utils/extension/i18n';
import type { DirectoryEntries } from '../../utils/core/presence/directory';
import type { UserId } from '../../utils/core/protocol/schemas';
import { callLog } from '../../utils/pages/popup/call-log';
import { CallLogRow } from './CallLogRow';
import type { CallActions } from './use-call-actions';

interface Props {
  readonly records: readonly CallRecord[];
  readonly names: DirectoryEntries;
  readonly online: ReadonlySet<UserId>;
  readonly newIds: ReadonlySet<string>;
  readonly now: number;
  readonly calls: CallActions;
}

/** Recent calls both ways, newest first; the log is short (a few hundred at most), so no virtual list. */
export function CallsPanel({ records, names, online, newIds, now, calls }: Props) {
  const entries = useMemo(() => callLog(records, names, newIds), [records, names, newIds]);
  if (entries.length === 0) return <p class="empty">{t('popupCallsEmpty')}</p>;
  return (
    <ul class="call-log" aria-label={t('popupCallsLabel')}>
      {entries.map((entry) => {
        const { record } = entry;
        return (
          <CallLogRow
            key={`${record.kind}:${record.id}`}
            entry={entry}
            online={online.has(record.peerId)}
            now={now}
            canCall={calls.canCall(record.peerId, now)}
            onCall={() => (record.kind === 'incoming' ? calls.callBack(record) : calls.call(record.peerId))}
            onDismiss={(call: IncomingCall) => calls.dismiss(call)}
            onOpen={calls.openPage}
            openFailed={calls.openFailed.has(record.id)}
          />
        );
      })}
    </ul>
  );
}

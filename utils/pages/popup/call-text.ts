import type { CallRecord } from '../../core/calls/records';
import type { MessageKey } from '../../extension/i18n';
import type { LocalRefusal, RowCallStatus } from './row-status';

/** A message to show: its key and substitutions, turned into words by `t` in the component. */
export interface Words {
  readonly key: MessageKey;
  readonly substitutions: readonly string[];
  readonly tone: 'ok' | 'busy' | 'problem' | 'muted';
}

const words = (key: MessageKey, tone: Words['tone'], ...substitutions: string[]): Words => ({
  key,
  tone,
  substitutions,
});

const failedKey: Record<NonNullable<Extract<RowCallStatus, { kind: 'failed' }>['error']>, MessageKey> = {
  expired: 'popupCallExpired',
  'queue-full': 'popupCallQueueFull',
  stopped: 'popupCallStopped',
  restarted: 'popupCallRestarted',
  unknown: 'callFailed',
};

const refusalKey: Record<LocalRefusal, MessageKey> = {
  'callee-offline': 'refusalCalleeOffline',
  self: 'refusalSelf',
  'not-signed-in': 'refusalNotSignedIn',
  'unknown-identity': 'refusalUnknownIdentity',
  'too-many': 'refusalTooMany',
  'unknown-call': 'refusalUnknownCall',
  'no-answer': 'popupRefusalNoAnswer',
};

/** What a person's row says about my last call to them. `clock` formats a time of day. */
export function rowStatusWords(status: RowCallStatus, name: string, clock: (at: number) => string): Words {
  switch (status.kind) {
    case 'sending':
      return words('popupCallSending', 'busy');
    case 'queued':
      return words('popupCallWaiting', 'busy');
    case 'sent':
      return words('popupCallSentAt', 'ok', clock(status.at));
    case 'failed':
      return words(failedKey[status.error], 'problem');
    case 'refused':
      return words(refusalKey[status.refusal], 'problem', name);
  }
}

/** A call log entry's outcome in a word or two. */
export function recordWords(record: CallRecord): Words {
  if (record.kind === 'incoming') {
    switch (record.status) {
      case 'ringing':
        return words('popupCallRinging', 'busy');
      case 'answered':
        return words('popupCallAnswered', 'muted');
      case 'dismissed':
        return words('popupCallDismissed', 'muted');
      case 'missed':
        return words('popupCallMissed', 'problem');
    }
  }
  switch (record.status) {
    case 'queued':
      return words('callQueued', 'busy');
    case 'sent':
      return words('callSent', 'muted');
    case 'failed':
      return words(failedKey[record.error ?? 'unknown'], 'problem');
  }
}

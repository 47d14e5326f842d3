import type { ConnectionStatus } from '../../utils/connection/types';
import type { MessageKey } from '../../utils/i18n';

export interface StatusText {
  readonly key: MessageKey;
  readonly substitutions: readonly (string | number)[];
  readonly tone: 'ok' | 'busy' | 'problem';
  /** The "retry now" button makes sense: an attempt is scheduled. */
  readonly canRetry: boolean;
}

/** The connection state in plain words. Pure: `now` is passed in for the countdown. */
export function statusText(status: ConnectionStatus, now: number): StatusText {
  const retry = status.nextRetryAt !== undefined;
  const seconds = retry ? Math.max(0, Math.ceil(((status.nextRetryAt ?? now) - now) / 1000)) : 0;
  const text = (key: MessageKey, tone: StatusText['tone'], ...substitutions: (string | number)[]) => ({
    key,
    substitutions,
    tone,
    canRetry: retry,
  });
  if (status.phase === 'connected') return text('statusConnected', 'ok');
  if (status.phase === 'connecting') return text('statusConnecting', 'busy');
  switch (status.reason) {
    case 'not-configured':
      return text('statusNotSetUp', 'problem');
    case 'no-permission':
      return text('statusNoPermission', 'problem');
    case 'no-token':
      return text('statusSignIn', 'problem');
    case 'unauthorized':
      return text('statusRejected', 'problem');
    case 'offline':
      return text('statusOffline', 'problem');
    case 'cannot-reach':
      return text('statusCannotReach', 'problem');
    case 'stopped':
      return text('statusStopped', 'problem');
    default:
      return retry ? text('statusRetrying', 'busy', seconds) : text('statusConnecting', 'busy');
  }
}

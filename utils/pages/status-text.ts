import type { ConnectionStatus, ListProblem } from '../core/messages/connection-status';
import type { MessageKey } from '../extension/i18n';

/** What the user can do about the connection from the popup. */
export type StatusAction = 'retry' | 'sign-in' | 'open-site' | 'options' | 'permission';

export interface StatusText {
  /** The state in plain words; steady while the state lasts, so announcing it is never noise. */
  readonly key: MessageKey;
  /** A second sentence saying what to do, when there is something to do. */
  readonly hintKey?: MessageKey;
  /** What `hintKey` says in numbers; the missing hosts when absent. */
  readonly hintArgs?: readonly (string | number)[];
  readonly tone: 'ok' | 'busy' | 'problem';
  /** Seconds until the next attempt, when one is scheduled: the countdown. */
  readonly retryInSeconds?: number;
  /** The last failure in the connection's words (a close code, an error), when it helps. */
  readonly detail?: string;
  readonly action?: StatusAction;
}

/** The connection state in plain words. Pure: `now` is passed in for the countdown. */
export function statusText(status: ConnectionStatus, now: number): StatusText {
  const countdown =
    status.nextRetryAt !== undefined
      ? { retryInSeconds: Math.max(0, Math.ceil((status.nextRetryAt - now) / 1000)) }
      : {};
  const retry = status.nextRetryAt !== undefined ? ({ action: 'retry' } as const) : {};
  const detail = status.lastError ? { detail: status.lastError } : {};
  if (status.phase === 'connected')
    return status.listProblem ? listProblemText(status.listProblem) : { key: 'statusConnected', tone: 'ok' };
  if (status.phase === 'connecting') return { key: 'statusConnecting', tone: 'busy' };
  switch (status.reason) {
    case 'not-configured':
      return { key: 'statusNotSetUp', hintKey: 'popupHintNotSetUp', tone: 'problem', action: 'options' };
    case 'no-permission':
      return { key: 'statusNoPermission', hintKey: 'popupHintPermission', tone: 'problem', action: 'permission' };
    case 'no-host-tab':
      // Presence only while an admin page is open, and none is: opening one is the way online.
      return { key: 'statusNoHostTab', tone: 'busy', action: 'open-site' };
    case 'no-token':
      return { key: 'statusSignIn', tone: 'problem', action: 'sign-in' };
    case 'unauthorized':
      return { key: 'statusRejected', tone: 'problem', action: 'sign-in', ...detail };
    case 'offline':
      return { key: 'statusOffline', hintKey: 'popupHintOffline', tone: 'problem' };
    case 'cannot-reach':
      return { key: 'statusCannotReach', tone: 'problem', ...countdown, ...retry, ...detail };
    case 'stopped':
      return { key: 'statusStopped', tone: 'problem' };
    case 'server-closed':
    case 'no-heartbeat':
    case undefined:
      return { key: 'popupStatusLost', tone: 'busy', ...countdown, ...retry, ...detail };
  }
}

/** Connected, but the online list was dropped: the marks are out of date, and why. */
function listProblemText(problem: ListProblem): StatusText {
  if (problem.reason === 'invalid') return { key: 'statusListStale', hintKey: 'popupHintListInvalid', tone: 'problem' };
  const kib = (bytes: number) => Math.ceil(bytes / 1024);
  return {
    key: 'statusListStale',
    hintKey: 'popupHintListTooLarge',
    hintArgs: [kib(problem.bytes), kib(problem.limitBytes)],
    tone: 'problem',
    action: 'options',
  };
}

/** "https://admin.example.com/*" → "admin.example.com": what a person recognises in a permission. */
export function originHost(pattern: string): string {
  const match = /^[a-z*]+:\/\/([^/]+)/i.exec(pattern);
  return match?.[1] ?? pattern;
}

/** Only web pages may be opened as the host site: never `javascript:` or the like. */
export function siteLink(siteUrl: string): string | undefined {
  try {
    const url = new URL(siteUrl);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

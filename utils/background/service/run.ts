import { cookieTokenSource } from '../auth/cookie-token';
import type { OutgoingCall } from '../../core/calls/records';
import { Connection } from '../connection/connection';
import { Outbox } from '../connection/outbox';
import { defaultConnectionOptions, defaultOutboxOptions } from '../connection/types';
import { type ConnectionStatus, type ListProblem } from '../../core/messages/connection-status';
import { createLogger } from '../../core/log';
import type { DirectoryList } from './directory-fetch';
import type { InboundMessage } from '../../core/protocol/messages';
import { parseFrame } from '../../core/protocol/parse';
import type { Settings } from '../../core/settings/schema';
import type { RosterDeps } from './deps';
import { startDirectoryRefresh } from './directory-refresh';
import { listProblemOf } from './list-problem';
import { toOutgoingCall, type CallTarget } from './outgoing';

const log = createLogger('run');

/** What a run reports to the service that owns the state. */
export interface RunHooks {
  readonly status: (status: ConnectionStatus) => void;
  readonly message: (message: InboundMessage) => void;
  /** Read before every attempt and on every cookie change; `undefined` when signed out. */
  readonly token: (token: string | undefined) => void;
  readonly signedOut: () => void;
  readonly outgoing: (call: OutgoingCall) => void;
  readonly directory: (list: DirectoryList) => void;
  /** The server's online list was dropped (too large, unreadable): the views must be told. */
  readonly listDropped: (problem: ListProblem) => void;
}

export interface Run {
  readonly connection: Connection;
  readonly outbox: Outbox<CallTarget>;
}

/**
 * Everything that lives exactly as long as one set of settings: the sign-in cookie watch, the
 * connection, its send queue and the user-list refresh. Aborting `signal` ends all of it.
 */
export function startRun(settings: Settings, deps: RosterDeps, hooks: RunHooks, signal: AbortSignal): Run {
  const tokens = cookieTokenSource(settings.auth, deps.cookies);
  const readToken = async () => {
    const token = await tokens.read().catch((error: unknown) => {
      log.warn('could not read the sign-in cookie', error);
      return undefined;
    });
    hooks.token(token);
    return token;
  };
  const connection = new Connection(
    {
      ...defaultConnectionOptions,
      serverUrl: settings.serverUrl,
      heartbeatIntervalMs: settings.connection.heartbeatSeconds * 1000,
      heartbeatPayload: settings.connection.heartbeatPayload,
      unauthorizedCloseCodes: settings.connection.unauthorizedCloseCodes,
    },
    { ...deps, getToken: readToken },
  );
  const outbox = new Outbox<CallTarget>(deps.outbox ?? defaultOutboxOptions, {
    ...deps,
    send: (text) => connection.send(text),
    nextId: deps.newCallId,
  });
  const parseOptions = {
    maxBytes: settings.connection.maxFrameKiB * 1024,
    heartbeatPayload: settings.connection.heartbeatPayload,
  };

  outbox.onChange((item) => hooks.outgoing(toOutgoingCall(item)), signal);
  connection.onStatus(({ to }) => {
    hooks.status(to);
    if (to.phase === 'connected') outbox.flush();
  }, signal);
  connection.onFrame((frame) => {
    const result = parseFrame(frame, parseOptions);
    if (result.ok) {
      hooks.message(result.message);
      return;
    }
    const problem = listProblemOf(frame, result.error, parseOptions.maxBytes, deps.clock.now());
    if (!problem) log.debug(`dropped a frame (${result.error.code}): ${result.error.message}`);
    else {
      // Not hostile, just more than we take: marks would go stale unseen, so this is everyone's business.
      log.warn(`dropped the online list (${result.error.code}): ${result.error.message}`);
      hooks.listDropped(problem);
    }
  }, signal);
  const directory = startDirectoryRefresh(settings.directory, deps, hooks.directory, signal);
  tokens.watch((token) => {
    hooks.token(token);
    if (token) directory.signedIn();
    else {
      // Signed out: give up what was waiting to be sent.
      outbox.clear('stopped');
      hooks.signedOut();
    }
    connection.reconnect();
  }, signal);
  signal.addEventListener('abort', () => outbox.clear('stopped'), { once: true });
  connection.start(signal);
  return { connection, outbox };
}

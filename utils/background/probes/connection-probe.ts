import { cookieTokenSource, type CookieApi } from '../auth/cookie-token';
import { describeClose, describeError, describeThrown, redact } from '../connection/close-text';
import { tokenUrl } from '../connection/token-url';
import type { SocketFactory, SocketLike } from '../connection/types';
import type { Timers } from '../../core/timers';
import { identityUrl } from '../../core/identity/identity-url';
import { chooseMe, readJwtIdentity, type IdentityReadings } from '../../core/identity/me';
import { fetchWhoAmI } from '../../core/identity/who-am-i';
import { parseFrame } from '../../core/protocol/parse';
import { requiredOrigins } from '../../core/settings/origins';
import type { ConnectionProbeRequest, ConnectionProbeResult } from '../../core/messages/options-background-probes';

export interface ConnectionProbeDeps {
  readonly createSocket: SocketFactory;
  readonly cookies: CookieApi;
  readonly fetch: typeof fetch;
  readonly timers: Timers;
  /** Which of these host-permission patterns are not granted. */
  readonly missingOrigins: (origins: readonly string[]) => Promise<string[]>;
}

export interface ProbeLimits {
  /** How long the socket may take to open. */
  readonly openMs: number;
  /** How long after opening the server may take to send its online list. */
  readonly listMs: number;
  /** How long the plain HTTP look at a refused address may take. */
  readonly httpMs: number;
}

export const defaultProbeLimits: ProbeLimits = { openMs: 8_000, listMs: 5_000, httpMs: 4_000 };

/** What one short-lived socket did. */
type SocketOutcome =
  | { readonly kind: 'list'; readonly online: number }
  | { readonly kind: 'heartbeat-only' }
  | { readonly kind: 'bad-frame'; readonly detail: string }
  | { readonly kind: 'silent' }
  | { readonly kind: 'closed'; readonly code: number; readonly reason: string; readonly openForMs: number | undefined }
  | { readonly kind: 'failed'; readonly detail: string; readonly opened: boolean }
  | { readonly kind: 'no-open' };

const OPEN = 1;

/**
 * "Test connection": one throwaway socket with the user's current token, exactly as the real
 * connection would open it, reported in words. Runs in the background, which alone reads the
 * token; the result carries no token (error texts are redacted). The socket is closed at the end.
 */
export async function probeConnection(
  request: ConnectionProbeRequest,
  deps: ConnectionProbeDeps,
  signal: AbortSignal,
  limits: ProbeLimits = defaultProbeLimits,
): Promise<ConnectionProbeResult> {
  const { serverUrl, auth, identity, connection } = request;
  if (!serverUrl) return { outcome: 'not-configured' };
  const missing = await deps.missingOrigins(requiredOrigins({ serverUrl, auth, directory: { url: '' } }));
  if (missing.length > 0) return { outcome: 'no-permission', origins: missing };
  const token = await cookieTokenSource(auth, deps.cookies)
    .read()
    .catch(() => undefined);
  if (!token) return { outcome: 'signed-out', siteUrl: auth.cookieUrl };

  const secrets = [token, encodeURIComponent(token)];
  const url = tokenUrl(serverUrl, token);
  if (!url.ok) return { outcome: 'wrong-protocol', detail: url.why };
  const said = await openOnce(url.url, deps, limits, signal, {
    maxBytes: connection.maxFrameKiB * 1024,
    heartbeatPayload: connection.heartbeatPayload,
  });
  const clean = (text: string) => redact(text, secrets).slice(0, 500);
  switch (said.kind) {
    case 'list':
    case 'heartbeat-only': {
      const me = chooseMe(await readingsFor(token, request, deps, signal), identity);
      return {
        outcome: 'connected',
        me: me ? { id: me.id, name: me.name } : null,
        online: said.kind === 'list' ? said.online : null,
      };
    }
    case 'bad-frame':
      return { outcome: 'wrong-protocol', detail: clean(said.detail) };
    case 'silent':
      return { outcome: 'wrong-protocol', detail: `opened, but nothing came in ${Math.round(limits.listMs / 1000)} s` };
    case 'closed':
      if (connection.unauthorizedCloseCodes.includes(said.code))
        return { outcome: 'rejected', detail: clean(describeClose(said.code, said.reason, said.openForMs, secrets)) };
      if (said.openForMs !== undefined)
        return { outcome: 'closed', detail: clean(describeClose(said.code, said.reason, said.openForMs, secrets)) };
      return lookOverHttp(
        serverUrl,
        deps,
        limits,
        signal,
        clean(describeClose(said.code, said.reason, undefined, secrets)),
      );
    case 'failed':
      return said.opened
        ? { outcome: 'closed', detail: clean(said.detail) }
        : lookOverHttp(serverUrl, deps, limits, signal, clean(said.detail));
    case 'no-open':
      return { outcome: 'unreachable', detail: `no answer in ${Math.round(limits.openMs / 1000)} s` };
  }
}

function openOnce(
  url: string,
  deps: ConnectionProbeDeps,
  limits: ProbeLimits,
  signal: AbortSignal,
  parse: { readonly maxBytes: number; readonly heartbeatPayload: string },
): Promise<SocketOutcome> {
  return new Promise((resolve) => {
    let socket: SocketLike;
    try {
      socket = deps.createSocket(url);
    } catch (error) {
      resolve({ kind: 'failed', detail: describeThrown('could not open the socket', error), opened: false });
      return;
    }
    let openedAt: number | undefined;
    let heartbeatAnswered = false;
    let timer = deps.timers.setTimeout(() => finish({ kind: 'no-open' }), limits.openMs);
    const finish = (outcome: SocketOutcome) => {
      deps.timers.clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
      socket.onopen = socket.onmessage = socket.onerror = socket.onclose = null;
      try {
        socket.close(1000, 'test done');
      } catch {
        // Already closing.
      }
      resolve(outcome);
    };
    const onAbort = () => finish({ kind: 'failed', detail: 'cancelled', opened: openedAt !== undefined });
    signal.addEventListener('abort', onAbort, { once: true });
    socket.onopen = () => {
      openedAt = Date.now();
      deps.timers.clearTimeout(timer);
      // Half-way through the wait, a heartbeat: a legacy server that answers it is at least alive.
      timer = deps.timers.setTimeout(() => {
        if (socket.readyState === OPEN) socket.send(parse.heartbeatPayload);
        timer = deps.timers.setTimeout(
          () => finish(heartbeatAnswered ? { kind: 'heartbeat-only' } : { kind: 'silent' }),
          limits.listMs / 2,
        );
      }, limits.listMs / 2);
    };
    socket.onmessage = ({ data }) => {
      const result = parseFrame(data, parse);
      if (!result.ok) return finish({ kind: 'bad-frame', detail: `${result.error.code}: ${result.error.message}` });
      if (result.message.kind === 'online') return finish({ kind: 'list', online: result.message.users.length });
      heartbeatAnswered = true;
    };
    socket.onerror = () => {
      const openFor = openedAt === undefined ? undefined : Date.now() - openedAt;
      // A close event with the code follows an error; wait briefly for it, it says more.
      deps.timers.clearTimeout(timer);
      timer = deps.timers.setTimeout(
        () => finish({ kind: 'failed', detail: describeError(openFor), opened: openedAt !== undefined }),
        200,
      );
    };
    socket.onclose = ({ code, reason }) => {
      finish({ kind: 'closed', code, reason, openForMs: openedAt === undefined ? undefined : Date.now() - openedAt });
    };
  });
}

/**
 * The socket never opened. Browsers hide why, so the same address is fetched over plain HTTP
 * (without the token): no answer at all means unreachable; 401/403 or 426 means a WebSocket
 * endpoint that refused us; anything else (a web page, a 404) means it is not the server's socket.
 */
async function lookOverHttp(
  serverUrl: string,
  deps: ConnectionProbeDeps,
  limits: ProbeLimits,
  signal: AbortSignal,
  socketDetail: string,
): Promise<ConnectionProbeResult> {
  const url = new URL(serverUrl);
  url.protocol = url.protocol === 'wss:' ? 'https:' : 'http:';
  const timeout = new AbortController();
  const timer = deps.timers.setTimeout(() => timeout.abort(), limits.httpMs);
  try {
    const response = await deps.fetch(url.href, {
      credentials: 'omit',
      redirect: 'manual',
      cache: 'no-store',
      signal: AbortSignal.any([signal, timeout.signal]),
    });
    const status = response.status;
    const detail = `${socketDetail}; over HTTP the address answered ${status === 0 ? 'with a redirect' : `HTTP ${status}`}`;
    if (status === 401 || status === 403 || status === 426 || status === 400) return { outcome: 'refused', detail };
    if (status >= 500) return { outcome: 'unreachable', detail };
    return { outcome: 'wrong-protocol', detail };
  } catch (error) {
    return { outcome: 'unreachable', detail: `${socketDetail}; ${describeThrown('over HTTP', error)}` };
  } finally {
    deps.timers.clearTimeout(timer);
  }
}

/**
 * What the token and the "who am I" address say, with the settings being tested: enough to say
 * "connected as". The page and the server's lessons are the identity test's business.
 */
async function readingsFor(
  token: string,
  request: ConnectionProbeRequest,
  deps: ConnectionProbeDeps,
  signal: AbortSignal,
): Promise<IdentityReadings> {
  const jwt = readJwtIdentity(token, request.identity);
  if (jwt) return { jwt };
  const url = identityUrl(request.identity.url, request.auth.cookieUrl);
  if (!url || request.identity.mode !== 'auto') return {};
  const answer = await fetchWhoAmI(url, request.identity, deps, signal);
  return answer.ok ? { url: answer.user } : {};
}

import { WebSocket } from 'ws';
import type { RosterServer } from '../../../dev/server/index';
import type { CallHistory } from '../../../utils/core/calls/history';
import type { NetworkMonitor, OutboxOptions } from '../../../utils/background/connection/types';
import type { RosterDeps } from '../../../utils/background/service/deps';
import { RosterService } from '../../../utils/background/service/service';
import type { RosterEvent } from '../../../utils/core/messages/roster-state';
import type { Settings } from '../../../utils/core/settings/schema';
import { defaultSettings } from '../../../utils/core/settings/validate';
import { fakeCallDeps } from '../../helpers/fake-call-deps';
import { FakeCookies } from '../../helpers/fake-cookies';
import { fakeIdentityDeps } from '../../helpers/fake-identity-deps';

const COOKIE = 'USERTOKEN';

/** A network that stays online unless a test says otherwise. */
export class TestNetwork implements NetworkMonitor {
  #online = true;
  readonly #listeners = new Set<(online: boolean) => void>();

  isOnline(): boolean {
    return this.#online;
  }

  subscribe(listener: (online: boolean) => void, signal: AbortSignal): void {
    this.#listeners.add(listener);
    signal.addEventListener('abort', () => this.#listeners.delete(listener));
  }

  set(online: boolean): void {
    this.#online = online;
    for (const listener of [...this.#listeners]) listener(online);
  }
}

/**
 * The background core as the service worker runs it, with a real `ws` socket to the real
 * reference server; only the browser around it (cookie jar, network events) is simulated.
 */
export function startBackground(
  server: RosterServer,
  /** `history` and `newCallId`: a worker restarting from a saved call log, ids from one source across both lives. */
  options: { outbox?: OutboxOptions; granted?: () => boolean; history?: CallHistory; newCallId?: () => string } = {},
) {
  const cookies = new FakeCookies();
  const network = new TestNetwork();
  const events: RosterEvent[] = [];
  const sockets: WebSocket[] = [];
  const calls = fakeCallDeps();
  const identity = fakeIdentityDeps();
  const deps: RosterDeps = {
    ...calls.deps,
    ...identity.deps,
    missingOrigins: (origins) => Promise.resolve(options.granted && !options.granted() ? [...origins] : []),
    createSocket: (url) => {
      // What Chromium sends from an extension's service worker.
      const socket = new WebSocket(url, { origin: 'chrome-extension://roster-test' });
      sockets.push(socket);
      return socket;
    },
    cookies,
    // Stands in for the browser sending the host's cookie with `credentials: 'include'`.
    fetch: async (input, init) => {
      const token = (await cookies.get({ url: server.httpUrl, name: COOKIE }))?.value;
      return fetch(input, { ...init, headers: { ...(token ? { cookie: `${COOKIE}=${token}` } : {}) } });
    },
    timers: { setTimeout: (callback, ms) => setTimeout(callback, ms), clearTimeout: (handle) => clearTimeout(handle) },
    clock: { now: () => Date.now() },
    random: () => Math.random(),
    network,
    ...(options.outbox ? { outbox: options.outbox } : {}),
    ...(options.newCallId ? { newCallId: options.newCallId } : {}),
  };
  const service = new RosterService(deps, defaultSettings(), undefined, options.history);
  const life = new AbortController();
  service.subscribe((event) => events.push(event), life.signal);

  const settings: Settings = {
    ...defaultSettings(),
    serverUrl: server.wsUrl,
    auth: { cookieUrl: `${server.httpUrl}/`, cookieName: COOKIE },
    directory: { ...defaultSettings().directory, url: `${server.httpUrl}/api/users` },
  };

  return {
    service,
    cookies,
    network,
    calls,
    events,
    sockets,
    settings,
    configure: (overrides: Partial<Settings> = {}) => service.configure({ ...settings, ...overrides }),
    /** Signs in as the host would: the user's JWT, or a fresh opaque session in that mode. */
    signIn: (userId: string) => cookies.set(COOKIE, server.tokenFor(userId)),
    signOut: () => cookies.remove(COOKIE),
    online: () => [...service.state().presence.online].sort(),
    stop: () => {
      life.abort();
      service.stop();
      for (const socket of sockets) socket.terminate();
    },
  };
}

export type Background = ReturnType<typeof startBackground>;

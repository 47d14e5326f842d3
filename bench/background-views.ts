/**
 * The background as the service worker runs it (connection, parse, presence, directory, service
 * and the hub), with a stand-in socket the benchmark feeds frames to, and view ports that do what
 * Chrome's runtime messaging does in the sending process: serialise each message to JSON. Every
 * step from a frame to the last port is synchronous, so timing `receive` times all of it.
 */
import type { SocketLike } from '../utils/background/connection/types';
import { HostTabs } from '../utils/background/ports/host-tabs';
import { serveViews } from '../utils/background/ports/hub';
import { RosterService } from '../utils/background/service/service';
import { PORT_NAME } from '../utils/core/messages/background-to-view';
import type { PortLike } from '../utils/core/port';
import type { Settings } from '../utils/core/settings/schema';
import { defaultSettings } from '../utils/core/settings/validate';
import { TestNetwork } from '../tests/integration/helpers/background';
import { fakeCallDeps } from '../tests/helpers/fake-call-deps';
import { FakeCookies, fakeJwt } from '../tests/helpers/fake-cookies';
import { fakeIdentityDeps } from '../tests/helpers/fake-identity-deps';
import { realTimers } from '../tests/helpers/real-timers';

const EXTENSION_ID = 'roster-bench';
const ORIGIN = `chrome-extension://${EXTENSION_ID}/`;

/** A socket that is open as soon as asked and receives whatever the benchmark hands it. */
class BenchSocket implements SocketLike {
  readyState = 0;
  binaryType = 'blob';
  onopen: SocketLike['onopen'] = null;
  onmessage: SocketLike['onmessage'] = null;
  onerror: SocketLike['onerror'] = null;
  onclose: SocketLike['onclose'] = null;

  send(): void {
    // Heartbeats and calls go nowhere: there is no server.
  }

  close(): void {
    this.readyState = 3;
  }

  open(): void {
    this.readyState = 1;
    this.onopen?.({});
  }

  receive(data: string): void {
    this.onmessage?.({ data });
  }
}

/** What the ports were sent, as Chrome would have serialised it. */
export interface Posted {
  messages: number;
  bytes: number;
}

/** The background end of a view's port: posting serialises, as `runtime.Port.postMessage` does in Chrome. */
function viewPort(sender: NonNullable<PortLike['sender']>, posted: Posted): PortLike {
  return {
    name: PORT_NAME,
    sender,
    postMessage: (message) => {
      posted.messages++;
      posted.bytes += JSON.stringify(message).length;
    },
    disconnect: () => undefined,
    onMessage: { addListener: () => undefined, removeListener: () => undefined },
    onDisconnect: { addListener: () => undefined },
  };
}

export interface BenchBackground {
  readonly service: RosterService;
  readonly posted: Posted;
  /** One frame from the server, handled to the last port. */
  receive(frame: string): void;
  stop(): void;
}

/**
 * A connected background with `views` ports: one popup, the rest host frames (ten to a tab). The
 * directory's user list, when given, is what `fetch` answers for `directory.url`.
 */
export async function benchBackground(views: number, userList?: unknown): Promise<BenchBackground> {
  const cookies = new FakeCookies();
  cookies.set('USERTOKEN', fakeJwt({ sub: '1', name: '章三' }));
  const sockets: BenchSocket[] = [];
  const service = new RosterService(
    {
      ...fakeCallDeps().deps,
      ...fakeIdentityDeps().deps,
      createSocket: () => {
        const socket = new BenchSocket();
        sockets.push(socket);
        return socket;
      },
      cookies,
      fetch: () =>
        userList === undefined
          ? Promise.reject(new Error('no user list'))
          : Promise.resolve(new Response(JSON.stringify(userList))),
      timers: realTimers,
      clock: { now: () => Date.now() },
      random: () => 0.5,
      network: new TestNetwork(),
    },
    defaultSettings(),
  );
  const settings: Settings = {
    ...defaultSettings(),
    serverUrl: 'ws://server.bench/ws',
    auth: { cookieUrl: 'http://admin.bench/', cookieName: 'USERTOKEN' },
    directory: { ...defaultSettings().directory, url: userList === undefined ? '' : 'http://admin.bench/api/users' },
  };
  service.configure(settings);
  while (sockets.length === 0) await new Promise((resolve) => setTimeout(resolve, 1));
  const socket = sockets[0];
  if (!socket) throw new Error('the service opened no socket');
  socket.open();

  const posted: Posted = { messages: 0, bytes: 0 };
  const hub = serveViews(
    Promise.resolve(service),
    { extensionId: EXTENSION_ID, extensionOrigin: ORIGIN },
    new HostTabs(),
  );
  hub(viewPort({ id: EXTENSION_ID, url: `${ORIGIN}popup.html` }, posted));
  for (let index = 1; index < views; index++) {
    const tab = { id: 100 + Math.floor(index / 10) };
    hub(viewPort({ id: EXTENSION_ID, url: 'http://admin.bench/users', tab, frameId: index % 10 }, posted));
  }
  // The hub attaches once the service promise settles.
  await new Promise((resolve) => setTimeout(resolve, 0));
  return {
    service,
    posted,
    receive: (frame) => socket.receive(frame),
    stop: () => service.stop(),
  };
}

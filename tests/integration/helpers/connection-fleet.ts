import { setMaxListeners } from 'node:events';
import { WebSocket } from 'ws';
import type { UserRecord } from '../../../dev/server/index';
import { Connection } from '../../../utils/background/connection/connection';
import {
  defaultConnectionOptions,
  type BackoffOptions,
  type NetworkMonitor,
} from '../../../utils/background/connection/types';

/** `count` users with ids `1`…`count` and distinct tokens: one per connection, so none shares a user. */
export function generatedUsers(count: number): UserRecord[] {
  return Array.from({ length: count }, (_, index) => ({
    id: String(index + 1),
    name: `User ${index + 1}`,
    token: `fleet-token-${String(index + 1).padStart(4, '0')}`,
  }));
}

/** Always online: the fleet is about the server going away, not the network. */
const online: NetworkMonitor = { isOnline: () => true, subscribe: () => undefined };

export interface Fleet {
  readonly connections: readonly Connection[];
  /** `performance.now()` of every change to `connected`, per connection, oldest first. */
  readonly connectedAt: readonly number[][];
  stop(): void;
}

/**
 * One production `Connection` per user, each with a real `ws` socket and real timers, as that many
 * browsers would run it. Only the backoff differs from the defaults, when the test says so.
 */
export function startFleet(
  wsUrl: string,
  users: readonly UserRecord[],
  backoff: BackoffOptions = defaultConnectionOptions.backoff,
): Fleet {
  const life = new AbortController();
  // Every connection listens to this one signal.
  setMaxListeners(0, life.signal);
  const sockets: WebSocket[] = [];
  const connectedAt: number[][] = [];
  const connections = users.map((user, index) => {
    const times: number[] = [];
    connectedAt[index] = times;
    const connection = new Connection(
      { ...defaultConnectionOptions, serverUrl: wsUrl, backoff },
      {
        createSocket: (url) => {
          // What Chromium sends from an extension's service worker.
          const socket = new WebSocket(url, { origin: 'chrome-extension://roster-fleet' });
          socket.on('error', () => undefined);
          sockets.push(socket);
          return socket;
        },
        getToken: () => Promise.resolve(user.token),
        timers: {
          setTimeout: (callback, ms) => setTimeout(callback, ms),
          clearTimeout: (handle) => clearTimeout(handle),
        },
        clock: { now: () => Date.now() },
        random: () => Math.random(),
        network: online,
      },
    );
    connection.onStatus(({ to, from }) => {
      if (to.phase === 'connected' && from.phase !== 'connected') times.push(performance.now());
    }, life.signal);
    connection.start(life.signal);
    return connection;
  });
  return {
    connections,
    connectedAt,
    stop() {
      life.abort();
      for (const socket of sockets) socket.terminate();
    },
  };
}

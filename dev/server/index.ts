import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import type { ServerContext } from './context';
import { createEmitter } from './events';
import { Hub } from './hub';
import { createRequestHandler } from './http/routes';
import { requireNumericIds } from './id-type';
import { createLogger } from './logger';
import { createTokenStore } from './tokens';
import type { RosterServer, ServerOptions } from './types';
import { createUpgradeHandler, WS_PATH } from './upgrade';
import { createUserTable, defaultUsersPath, loadUsers, validateUsers } from './users';
import { waitFor } from './wait-for';

export type {
  LogLevel,
  ReceivedFrame,
  RosterServer,
  ServerEvents,
  ServerOptions,
  TokenMode,
  UserRecord,
  WireIdType,
} from './types';
export { defaultUsersPath, loadUsers, validateUsers } from './users';
export { UNAUTHORIZED_CLOSE, WS_PATH } from './upgrade';

export const DEFAULT_MAX_PAYLOAD = 64 * 1024;

/** Starts the reference server: the legacy WebSocket at `/ws` and the demo site on one port. */
export async function startServer(options: ServerOptions = {}): Promise<RosterServer> {
  const host = options.host ?? '127.0.0.1';
  const maxPayload = options.maxPayload ?? DEFAULT_MAX_PAYLOAD;
  const idType = options.idType ?? 'string';
  const source = options.users ? 'options.users' : (options.usersPath ?? defaultUsersPath);
  const list = options.users ? validateUsers(options.users, source) : loadUsers(source);
  if (idType === 'number') requireNumericIds(list, source);
  const users = createUserTable(list);
  const tokens = createTokenStore(options.tokens ?? 'jwt', users);
  const log = createLogger(options.log, options.logLevel);
  const context: ServerContext = {
    users,
    tokens,
    idType,
    hub: new Hub(options.listFormat ?? 'ids', idType),
    events: createEmitter((error) => log.warn(`event listener threw: ${String(error)}`)),
    log,
    heartbeatReply: options.heartbeatReply ?? true,
    maxPayload,
    received: [],
    closing: false,
  };

  // Pongs are sent by the session, so that a frozen ("dead") link does not answer pings either.
  const wss = new WebSocketServer({ noServer: true, maxPayload, autoPong: false });
  const http = createServer(createRequestHandler(context));
  http.on('upgrade', createUpgradeHandler(context, wss, options.allowedOrigins ?? []));
  http.on('clientError', (_error, socket) => socket.destroy());
  await listen(http, options.port ?? 8787, host);

  const port = (http.address() as AddressInfo).port;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  const { hub, events } = context;
  let closed: Promise<void> | undefined;
  log.info(
    `listening on http://${urlHost}:${port} (WebSocket ${WS_PATH}, ${users.list.length} users, ${tokens.mode} tokens, ${idType} ids)`,
  );

  return {
    port,
    httpUrl: `http://${urlHost}:${port}`,
    wsUrl: `ws://${urlHost}:${port}${WS_PATH}`,
    users: users.list,
    tokens: tokens.mode,
    idType,
    tokenFor(userId) {
      const user = users.byId(userId);
      if (!user) throw new Error(`tokenFor: no user with id ${JSON.stringify(userId.slice(0, 40))}`);
      return tokens.issue(user);
    },
    onlineIds: () => hub.onlineIds(),
    connectionCount: (userId) => hub.connectionCount(userId),
    received: context.received,
    on: (event, listener) => events.on(event, listener),
    waitFor: (predicate, timeoutMs = 5000) =>
      waitFor(predicate, timeoutMs, {
        onChange: (listener) => events.onAny(listener),
        describe: () => `online: [${hub.onlineIds().join(', ')}], sockets: ${hub.connectionCount()}`,
      }),
    kick(userId, code, reason = '') {
      const sockets = hub.socketsOf(userId);
      log.info(`kick user ${userId} with ${code} (${sockets.length} sockets)`);
      for (const socket of sockets) socket.close(code, reason);
    },
    freeze(on) {
      hub.frozen = on;
      log.info(on ? 'frozen: sending nothing until unfrozen' : 'unfrozen');
    },
    sendRaw(userId, text) {
      const sockets = userId === '*' ? hub.allSockets() : hub.socketsOf(userId);
      for (const socket of sockets) hub.send(socket, text);
    },
    close: () => (closed ??= close(context, wss, http)),
  };
}

function listen(http: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error): void => reject(error);
    http.once('error', onError);
    http.listen(port, host, () => {
      http.off('error', onError);
      resolve();
    });
  });
}

function close(context: ServerContext, wss: WebSocketServer, http: Server): Promise<void> {
  context.closing = true;
  for (const socket of wss.clients) socket.terminate();
  wss.close();
  return new Promise((resolve) => {
    http.close(() => resolve());
    // Keep-alive HTTP connections would hold the port until they time out.
    http.closeAllConnections();
  });
}

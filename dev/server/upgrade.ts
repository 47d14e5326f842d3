import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { WebSocket, WebSocketServer } from 'ws';
import type { ServerContext } from './context';
import { isOriginAllowed } from './origin';
import { startSession } from './session';

export const WS_PATH = '/ws';
/** The legacy server's answer to a missing or unknown token, after the handshake. */
export const UNAUTHORIZED_CLOSE = 4001;

/** Handles the HTTP upgrade: path and Origin are refused at the handshake, tokens after it. */
export function createUpgradeHandler(
  context: ServerContext,
  wss: WebSocketServer,
  allowedOrigins: readonly string[],
): (request: IncomingMessage, socket: Duplex, head: Buffer) => void {
  return (request, socket, head) => {
    socket.on('error', () => socket.destroy());
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (url.pathname !== WS_PATH) {
      refuse(socket, 404, 'Not Found');
      return;
    }
    const origin = request.headers.origin;
    if (!isOriginAllowed(origin, allowedOrigins)) {
      context.log.info(`refused handshake from origin ${JSON.stringify(origin?.slice(0, 100))}`);
      refuse(socket, 403, 'Forbidden');
      return;
    }
    const token = url.searchParams.get('token');
    wss.handleUpgrade(request, socket, head, (ws) => authenticate(context, ws, token));
  };
}

function authenticate(context: ServerContext, ws: WebSocket, token: string | null): void {
  const user = context.tokens.userOf(token);
  if (!user) {
    // Accept, then close: that is how the legacy server tells a client its token is bad.
    ws.on('error', () => {});
    context.log.info(`closed socket ${token ? 'with an unknown token' : 'without a token'}: ${UNAUTHORIZED_CLOSE}`);
    ws.close(UNAUTHORIZED_CLOSE, 'unauthorized');
    return;
  }
  startSession(context, ws, user);
}

function refuse(socket: Duplex, status: number, text: string): void {
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

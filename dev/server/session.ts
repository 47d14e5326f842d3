import type { RawData, WebSocket } from 'ws';
import { parseFrame } from '../../utils/core/protocol/parse';
import { LEGACY_HEARTBEAT } from '../../utils/core/protocol/schemas';
import { recordFrame, type ServerContext } from './context';
import { who } from './logger';
import { routeCall } from './route-call';
import { wsText } from '../ws-text';
import type { UserRecord } from './types';

/** Serves one authenticated socket: presence on open and close, frames in between. */
export function startSession(context: ServerContext, socket: WebSocket, user: UserRecord): void {
  const { hub, events, log } = context;
  const cameOnline = hub.join(socket, user);
  const connections = hub.connectionCount(user.id);
  log.info(`connect ${who(user)} (sockets: ${connections})`);
  // The newcomer always gets the list, even when its user was already online elsewhere.
  if (cameOnline) hub.broadcastList();
  else hub.sendList(socket);
  events.emit('connection', { userId: user.id, connections });
  if (cameOnline) events.emit('online', { online: hub.onlineIds() });

  socket.on('message', (data, isBinary) => onFrame(context, socket, user, data, isBinary));
  socket.on('ping', (data) => {
    if (!hub.frozen) socket.pong(data);
  });
  socket.on('error', (error) => log.debug(`socket of ${who(user)}: ${error.message}`));
  socket.on('close', (code) => {
    const left = hub.leave(socket);
    if (!left || context.closing) return;
    const remaining = hub.connectionCount(user.id);
    log.info(`disconnect ${who(user)} code ${code} (sockets: ${remaining})`);
    if (left.wentOffline) hub.broadcastList();
    events.emit('disconnect', { userId: user.id, code, connections: remaining });
    if (left.wentOffline) events.emit('online', { online: hub.onlineIds() });
  });
}

function onFrame(context: ServerContext, socket: WebSocket, user: UserRecord, data: RawData, isBinary: boolean): void {
  const { hub, log } = context;
  const text = isBinary ? `[binary frame, ${byteLength(data)} bytes]` : wsText(data);
  recordFrame(context, { userId: user.id, text });
  context.events.emit('frame', { userId: user.id, text });

  const result = parseFrame(isBinary ? data : text, {
    maxBytes: context.maxPayload,
    heartbeatPayload: LEGACY_HEARTBEAT,
  });
  if (!result.ok) {
    // The code only: frame content may be anything, including somebody's token.
    log.debug(`ignored frame from ${who(user)}: ${result.error.code}`);
    return;
  }
  const { message } = result;
  switch (message.kind) {
    case 'call':
      routeCall(context, socket, user, message.call, text);
      return;
    case 'ignored':
      if (message.why === 'heartbeat') {
        if (context.heartbeatReply) hub.sendList(socket);
      } else {
        log.debug(`ignored frame from ${who(user)}: ${message.why}`);
      }
      return;
    case 'online':
      log.debug(`ignored frame from ${who(user)}: clients do not send online lists`);
      return;
  }
}

function byteLength(data: RawData): number {
  return Array.isArray(data) ? data.reduce((sum, part) => sum + part.length, 0) : data.byteLength;
}

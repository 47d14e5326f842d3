import type { WebSocket } from 'ws';
import type { CallFrame } from '../../utils/core/protocol/messages';
import { CALL_TYPE } from '../../utils/core/protocol/schemas';
import type { ServerContext } from './context';
import { who } from './logger';
import { stampCall } from './stamp-call';
import { numericIdProblem } from './strict-ids';
import type { UserRecord } from './types';

/**
 * Delivers a call to every socket of the receiver, and echoes it to the sender's other sockets
 * (their other browsers learn what was sent); the sending socket already knows. `frameText` is
 * the frame as received: the parsed call no longer says how its ids were written.
 */
export function routeCall(
  context: ServerContext,
  from: WebSocket,
  sender: UserRecord,
  call: CallFrame,
  frameText: string,
): void {
  const { hub, log, users } = context;
  // A numeric host fails while deserialising, before it looks at anything else.
  const idProblem = context.idType === 'number' ? numericIdProblem(frameText) : undefined;
  if (idProblem) {
    log.info(`call from ${who(sender)} dropped: ${idProblem}`);
    return;
  }
  if (call.callType !== CALL_TYPE) {
    // The wire value is fixed; a translated or misspelt one is a client bug worth seeing.
    log.info(`call from ${who(sender)} dropped: Data.type is not ${JSON.stringify(CALL_TYPE)}`);
    return;
  }
  const receivers = hub.socketsOf(call.receiverId);
  const receiver = users.byId(call.receiverId);
  const receiverLabel = receiver ? who(receiver) : `unknown user ${JSON.stringify(call.receiverId.slice(0, 40))}`;
  if (receivers.length === 0) {
    log.info(`call from ${who(sender)} to ${receiverLabel} dropped: receiver offline`);
    return;
  }
  const frame = stampCall(call, sender, receiver, Date.now(), context.idType, sentData(frameText));
  const targets = new Set([...receivers, ...hub.socketsOf(sender.id).filter((socket) => socket !== from)]);
  let sent = 0;
  for (const socket of targets) if (hub.send(socket, frame)) sent++;
  log.info(`call from ${who(sender)} to ${receiverLabel}: ${sent} of ${targets.size} sockets`);
}

/** The call's `Data` as the sender wrote it (the frame was parsed already, so it is an object). */
function sentData(frameText: string): Record<string, unknown> {
  const data = (JSON.parse(frameText) as { Message?: { Data?: unknown } }).Message?.Data;
  return typeof data === 'object' && data !== null && !Array.isArray(data) ? (data as Record<string, unknown>) : {};
}

import type { CallContext } from '../calls/call-context';
import { formatDotNetTime, type DotNetTime } from './dotnet-time';
import type { OnlineUser, UserId, WireIdType } from './messages';
import { CALL_TYPE } from './schemas';

export interface CallToSend {
  readonly senderId: UserId;
  readonly receiverId: UserId;
  readonly senderName: string;
  readonly receiverName: string;
  /** Omitted: the legacy server stamps an empty `SendTime` itself. */
  readonly sendTime?: DotNetTime;
  /** Written after the legacy fields of `Data`, which legacy clients read alone. */
  readonly context?: CallContext;
}

const INTEGER = /^-?(0|[1-9]\d*)$/;

/**
 * An id as the server writes it: a number for a server that uses numbers, when the id is a whole
 * number JSON can carry exactly; otherwise the string (such an id cannot be a number there anyway).
 */
export function wireId(id: UserId, idType: WireIdType): string | number {
  if (idType === 'string' || !INTEGER.test(id)) return id;
  const number = Number(id);
  return Number.isSafeInteger(number) ? number : id;
}

/** The legacy call frame, keys in the order the host system's own client writes them. */
export function encodeCall(call: CallToSend, idType: WireIdType = 'string'): string {
  return JSON.stringify({
    Sender: wireId(call.senderId, idType),
    Receiver: wireId(call.receiverId, idType),
    SendTime: call.sendTime ? formatDotNetTime(call.sendTime) : '',
    Message: {
      Event: 'Call',
      Data: { sender: call.senderName, type: CALL_TYPE, receiver: call.receiverName, ...call.context },
    },
    Type: 'Event',
  });
}

export type OnlineListFormat = 'ids' | 'objects';

/** The server's full online list (used by the reference server and tests). */
export function encodeOnlineList(
  users: readonly OnlineUser[],
  format: OnlineListFormat,
  idType: WireIdType = 'string',
): string {
  const entries =
    format === 'ids'
      ? users.map((user) => wireId(user.id, idType))
      : users.map((user) => ({ userId: wireId(user.id, idType), userName: user.name ?? '' }));
  return JSON.stringify({ Type: 'Chat', Message: entries });
}

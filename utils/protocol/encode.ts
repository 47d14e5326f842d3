import { formatDotNetTime, type DotNetTime } from './dotnet-time';
import type { OnlineUser, UserId } from './messages';
import { CALL_TYPE } from './schemas';

export interface CallToSend {
  readonly senderId: UserId;
  readonly receiverId: UserId;
  readonly senderName: string;
  readonly receiverName: string;
  /** Omitted: the legacy server stamps an empty `SendTime` itself. */
  readonly sendTime?: DotNetTime;
}

/** The legacy call frame, keys in the order the host system's own client writes them. */
export function encodeCall(call: CallToSend): string {
  return JSON.stringify({
    Sender: call.senderId,
    Receiver: call.receiverId,
    SendTime: call.sendTime ? formatDotNetTime(call.sendTime) : '',
    Message: { Event: 'Call', Data: { sender: call.senderName, type: CALL_TYPE, receiver: call.receiverName } },
    Type: 'Event',
  });
}

export type OnlineListFormat = 'ids' | 'objects';

/** The server's full online list (used by the reference server and tests). */
export function encodeOnlineList(users: readonly OnlineUser[], format: OnlineListFormat): string {
  const entries =
    format === 'ids' ? users.map((user) => user.id) : users.map((user) => ({ userId: user.id, userName: user.name ?? '' }));
  return JSON.stringify({ Type: 'Chat', Message: entries });
}

import { dotNetTimeAt } from '../../utils/core/protocol/dotnet-time';
import { encodeCall } from '../../utils/core/protocol/encode';
import type { CallFrame } from '../../utils/core/protocol/messages';
import { toUserId } from './user-id';
import type { UserRecord, WireIdType } from './types';

/**
 * The call frame as the server forwards it: `Sender` is whoever owns the socket (no spoofing),
 * missing names come from the user table, and an empty or invalid `SendTime` is stamped with
 * the server's local time the way the .NET server writes it. Ids go out in the server's type.
 */
export function stampCall(
  call: CallFrame,
  sender: UserRecord,
  receiver: UserRecord | undefined,
  nowMs: number,
  idType: WireIdType,
): string {
  const frame = encodeCall(
    {
      senderId: toUserId(sender.id),
      receiverId: call.receiverId,
      senderName: call.senderName || sender.name,
      receiverName: call.receiverName || receiver?.name || '',
      ...(call.sendTime ? {} : { sendTime: dotNetTimeAt(nowMs, -new Date(nowMs).getTimezoneOffset()) }),
    },
    idType,
  );
  // A valid client time is kept byte for byte (it identifies the call for dedupe), even in a
  // form `formatDotNetTime` would normalise, such as fewer digits or `Z`.
  return call.sendTime ? withSendTime(frame, call.sendTimeText) : frame;
}

function withSendTime(frame: string, sendTime: string): string {
  const object = JSON.parse(frame) as Record<string, unknown>;
  object['SendTime'] = sendTime;
  return JSON.stringify(object);
}

import { dotNetTimeAt } from '../../utils/core/protocol/dotnet-time';
import { encodeCall } from '../../utils/core/protocol/encode';
import type { CallFrame } from '../../utils/core/protocol/messages';
import { toUserId } from './user-id';
import type { UserRecord, WireIdType } from './types';

/**
 * The call frame as the server forwards it: `Sender` is whoever owns the socket (no spoofing),
 * missing names come from the user table, and an empty or invalid `SendTime` is stamped with
 * the server's local time the way the .NET server writes it. Ids go out in the server's type.
 * `Data` goes on as the sender wrote it, fields this server does not know included (a call's
 * `url`, `title` and `note`), with only empty names filled in: a host's server forwards the
 * message object, it does not rebuild it.
 */
export function stampCall(
  call: CallFrame,
  sender: UserRecord,
  receiver: UserRecord | undefined,
  nowMs: number,
  idType: WireIdType,
  data: Readonly<Record<string, unknown>> = {},
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
  const object = JSON.parse(frame) as { SendTime: string; Message: { Data: Record<string, unknown> } };
  object.Message.Data = { ...data, ...object.Message.Data };
  // A valid client time is kept byte for byte (it identifies the call for dedupe), even in a
  // form `formatDotNetTime` would normalise, such as fewer digits or `Z`.
  if (call.sendTime) object.SendTime = call.sendTimeText;
  return JSON.stringify(object);
}

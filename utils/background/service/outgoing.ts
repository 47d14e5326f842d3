import type { CallContext } from '../../core/calls/call-context';
import type { OutgoingCall } from '../../core/calls/records';
import type { OutboxItem } from '../connection/types';
import type { Me } from '../../core/identity/me';
import { encodeCall } from '../../core/protocol/encode';
import type { UserId, WireIdType } from '../../core/protocol/schemas';
import type { CallRefusal } from '../../core/messages/roster-state';

export interface CallTarget {
  readonly to: UserId;
  readonly context?: CallContext;
}

/**
 * Why a call cannot be made now, or `undefined` when it can. Never with an empty or guessed
 * `Sender`: while nobody knows who I am, calls are refused and the popup says how to fix it. Pure.
 */
export function refuseCall(
  signedIn: boolean,
  me: Me | null,
  to: UserId,
  isOnline: (id: UserId) => boolean,
): CallRefusal | undefined {
  if (!signedIn) return 'not-signed-in';
  if (!me) return 'unknown-identity';
  if (me.id === to) return 'self';
  if (!isOnline(to)) return 'callee-offline';
  return undefined;
}

/** The legacy call frame from me to `to`, ids in the server's type; the server stamps `SendTime`. */
export function callFrame(
  me: Me,
  target: CallTarget,
  name: (id: UserId) => string | undefined,
  idType: WireIdType,
): string {
  const { to, context } = target;
  return encodeCall(
    {
      senderId: me.id,
      receiverId: to,
      senderName: me.name || name(me.id) || '',
      receiverName: name(to) ?? '',
      ...(context ? { context } : {}),
    },
    idType,
  );
}

export function toOutgoingCall(item: OutboxItem<CallTarget>): OutgoingCall {
  return {
    kind: 'outgoing',
    id: item.id,
    peerId: item.meta.to,
    at: item.createdAt,
    status: item.status,
    ...(item.error ? { error: item.error } : {}),
    ...(item.settledAt !== undefined ? { settledAt: item.settledAt } : {}),
    ...(item.meta.context ? { context: item.meta.context } : {}),
  };
}

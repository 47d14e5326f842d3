import type { OutgoingCall } from '../calls/records';
import type { OutboxItem } from '../connection/types';
import type { Me } from '../identity/me';
import { encodeCall } from '../protocol/encode';
import type { UserId } from '../protocol/schemas';
import type { CallRefusal } from './state';

export interface CallTarget {
  readonly to: UserId;
}

/** Why a call cannot be made now, or `undefined` when it can. Pure. */
export function refuseCall(me: Me | null, to: UserId, isOnline: (id: UserId) => boolean): CallRefusal | undefined {
  if (!me) return 'not-signed-in';
  if (me.id === to) return 'self';
  if (!isOnline(to)) return 'callee-offline';
  return undefined;
}

/** The legacy call frame from me to `to`; the server stamps `SendTime`. */
export function callFrame(me: Me, to: UserId, name: (id: UserId) => string | undefined): string {
  return encodeCall({ senderId: me.id, receiverId: to, senderName: me.name, receiverName: name(to) ?? '' });
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
  };
}

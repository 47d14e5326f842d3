import type { UserId } from '../protocol/schemas';

/** An incoming call rings until someone answers or dismisses it, or the ring timeout makes it missed. */
export type IncomingStatus = 'ringing' | 'answered' | 'dismissed' | 'missed';

export interface IncomingCall {
  readonly kind: 'incoming';
  /** Sender + SendTime: the same call replayed after a reconnect has the same id. */
  readonly id: string;
  readonly peerId: UserId;
  /** Plain text, never markup. */
  readonly peerName: string;
  /** When it was sent (from SendTime), or received when the server gave no usable time. */
  readonly at: number;
  readonly status: IncomingStatus;
  /** Seen in the popup; unseen calls are what the toolbar badge counts. */
  readonly seen: boolean;
}

export type OutgoingStatus = 'queued' | 'sent' | 'failed';

export interface OutgoingCall {
  readonly kind: 'outgoing';
  readonly id: string;
  readonly peerId: UserId;
  readonly at: number;
  readonly status: OutgoingStatus;
  readonly error?: 'expired' | 'queue-full' | 'stopped';
  readonly settledAt?: number;
}

export type CallRecord = IncomingCall | OutgoingCall;

/** What a host page may learn of a call (the DOM event's detail, the toast): no more. */
export interface RingingCall {
  readonly id: string;
  readonly callerId: UserId;
  readonly callerName: string;
  readonly at: number;
}

export function ringingCall(call: IncomingCall): RingingCall {
  return { id: call.id, callerId: call.peerId, callerName: call.peerName, at: call.at };
}

export function incomingCallId(senderId: UserId, sendTimeText: string): string {
  return `${senderId} ${sendTimeText}`;
}

/** `records` with `record` added, or replacing the one with its id and kind. Pure. */
export function upsertRecord(records: readonly CallRecord[], record: CallRecord): readonly CallRecord[] {
  const index = records.findIndex((known) => known.id === record.id && known.kind === record.kind);
  if (index < 0) return [...records, record];
  const next = [...records];
  next[index] = record;
  return next;
}

import type { UserId } from '../protocol/schemas';
import type { CallContext } from './call-context';

/** An incoming call rings until someone answers or dismisses it, or the ring timeout makes it missed. */
export type IncomingStatus = 'ringing' | 'answered' | 'dismissed' | 'missed';

export interface IncomingCall {
  readonly kind: 'incoming';
  /** Unique (a UUID): a replay is recognised by its sender and SendTime instead (`replays.ts`). */
  readonly id: string;
  readonly peerId: UserId;
  /** Plain text, never markup. */
  readonly peerName: string;
  /**
   * When it arrived, by the local clock: ringing, missed and the time shown follow it. Never the
   * server's SendTime, which may be slow, fast, constant or year 9999.
   */
  readonly at: number;
  readonly status: IncomingStatus;
  /** Seen in the popup; unseen calls are what the toolbar badge counts. */
  readonly seen: boolean;
  /** What the caller rang about; its address only when a configured site's page. */
  readonly context?: CallContext;
}

export type OutgoingStatus = 'queued' | 'sent' | 'failed';

/**
 * Why a call was not sent: the queue's reasons (too old, no room, cleared on logout or stop), or
 * `restarted`: it was queued when the worker stopped, and its queue went with it.
 */
export type OutgoingError = 'expired' | 'queue-full' | 'stopped' | 'restarted';

export interface OutgoingCall {
  readonly kind: 'outgoing';
  /** Unique across worker restarts (a UUID), so a new record never overwrites a saved one. */
  readonly id: string;
  readonly peerId: UserId;
  readonly at: number;
  readonly status: OutgoingStatus;
  readonly error?: OutgoingError;
  readonly settledAt?: number;
  /** What I rang about, as sent. */
  readonly context?: CallContext;
}

export type CallRecord = IncomingCall | OutgoingCall;

/** What a host page may learn of a call (the DOM event's detail, the toast): no more. */
export interface RingingCall {
  readonly id: string;
  readonly callerId: UserId;
  readonly callerName: string;
  readonly at: number;
  readonly context?: CallContext;
}

export function ringingCall(call: IncomingCall): RingingCall {
  const { id, peerId, peerName, at, context } = call;
  return { id, callerId: peerId, callerName: peerName, at, ...(context ? { context } : {}) };
}

/** `records` with `record` added, or replacing the one with its id and kind. Pure. */
export function upsertRecord(records: readonly CallRecord[], record: CallRecord): readonly CallRecord[] {
  const index = records.findIndex((known) => known.id === record.id && known.kind === record.kind);
  if (index < 0) return [...records, record];
  const next = [...records];
  next[index] = record;
  return next;
}

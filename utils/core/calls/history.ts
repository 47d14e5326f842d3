import { upsertRecord, type CallRecord, type IncomingCall, type OutgoingCall } from './records';
import { isReplay, remember, type Delivery } from './replays';

/** The call log, its unseen count and what marks a replay. Pure values; see the functions below. */
export interface CallHistory {
  /** Oldest first; at most `limit` entries. */
  readonly records: readonly CallRecord[];
  /** Counted apart from `records`: a flood of calls trims the log but the badge stays exact. */
  readonly unseen: number;
  /**
   * Replay keys of the calls taken lately, beyond what the log keeps, so a replay is never shown
   * twice, also after a worker restart (see `replays.ts`).
   */
  readonly delivered: readonly Delivery[];
}

export const emptyHistory: CallHistory = { records: [], unseen: 0, delivered: [] };

/** Whether a call with replay `key` arriving `now` was taken already. */
export function wasDelivered(history: CallHistory, key: string, now: number): boolean {
  return isReplay(history.delivered, key, now);
}

/** Adds a new incoming call (the caller checked `wasDelivered` first); `key` is its replay key, if it has one. */
export function addIncoming(history: CallHistory, call: IncomingCall, limit: number, key?: string): CallHistory {
  return {
    records: [...history.records, call].slice(-limit),
    unseen: history.unseen + (call.seen ? 0 : 1),
    delivered: key === undefined ? history.delivered : remember(history.delivered, key, call.at),
  };
}

/** Adds or replaces (same id and kind) a record. */
export function upsert(history: CallHistory, record: CallRecord, limit: number): CallHistory {
  return { ...history, records: upsertRecord(history.records, record).slice(-limit) };
}

export function findIncoming(history: CallHistory, id: string): IncomingCall | undefined {
  return history.records.find((record): record is IncomingCall => record.kind === 'incoming' && record.id === id);
}

/** The popup was opened: everything is seen and the badge goes. */
export function markAllSeen(history: CallHistory): CallHistory {
  if (history.unseen === 0 && history.records.every((record) => record.kind !== 'incoming' || record.seen))
    return history;
  return {
    ...history,
    unseen: 0,
    records: history.records.map((record) =>
      record.kind === 'incoming' && !record.seen ? { ...record, seen: true } : record,
    ),
  };
}

/** Ringing calls older than the ring timeout become missed; returns them too. */
export function expireRinging(
  history: CallHistory,
  now: number,
  timeoutMs: number,
): { history: CallHistory; missed: IncomingCall[] } {
  const missed: IncomingCall[] = [];
  const records = history.records.map((record) => {
    if (record.kind !== 'incoming' || record.status !== 'ringing' || now - record.at < timeoutMs) return record;
    const updated: IncomingCall = { ...record, status: 'missed' };
    missed.push(updated);
    return updated;
  });
  return { history: missed.length ? { ...history, records } : history, missed };
}

/**
 * Outgoing calls still `queued` in a saved log: their queue lived in the worker that saved it and
 * died with it, so they will never be sent. They fail as `restarted` (the person may be called
 * again at once) rather than being sent late by a new worker: a call rung minutes late, or twice
 * when the old worker had sent it before it could save that, is worse than one the user repeats.
 */
export function failUnsent(history: CallHistory, now: number): { history: CallHistory; failed: OutgoingCall[] } {
  const failed: OutgoingCall[] = [];
  const records = history.records.map((record) => {
    if (record.kind !== 'outgoing' || record.status !== 'queued') return record;
    const updated: OutgoingCall = { ...record, status: 'failed', error: 'restarted', settledAt: now };
    failed.push(updated);
    return updated;
  });
  return { history: failed.length ? { ...history, records } : history, failed };
}

/** Keeps at most `limit` records (the setting may have shrunk). */
export function trim(history: CallHistory, limit: number): CallHistory {
  return history.records.length <= limit ? history : { ...history, records: history.records.slice(-limit) };
}

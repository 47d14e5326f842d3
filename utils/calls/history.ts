import { upsertRecord, type CallRecord, type IncomingCall } from './records';

/** The call log, its unseen count and the ids already delivered. Pure values; see the functions below. */
export interface CallHistory {
  /** Oldest first; at most `limit` entries. */
  readonly records: readonly CallRecord[];
  /** Counted apart from `records`: a flood of calls trims the log but the badge stays exact. */
  readonly unseen: number;
  /** Incoming ids already taken, beyond what the log keeps, so a replay is never shown twice. */
  readonly delivered: readonly string[];
}

export const emptyHistory: CallHistory = { records: [], unseen: 0, delivered: [] };

const REMEMBER_DELIVERED = 2_000;

export function wasDelivered(history: CallHistory, id: string): boolean {
  return history.delivered.includes(id);
}

/** Adds a new incoming call (the caller checked `wasDelivered` first). */
export function addIncoming(history: CallHistory, call: IncomingCall, limit: number): CallHistory {
  return {
    records: [...history.records, call].slice(-limit),
    unseen: history.unseen + (call.seen ? 0 : 1),
    delivered: [...history.delivered, call.id].slice(-REMEMBER_DELIVERED),
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
  if (history.unseen === 0 && history.records.every((record) => record.kind !== 'incoming' || record.seen)) return history;
  return {
    ...history,
    unseen: 0,
    records: history.records.map((record) => (record.kind === 'incoming' && !record.seen ? { ...record, seen: true } : record)),
  };
}

/** Ringing calls older than the ring timeout become missed; returns them too. */
export function expireRinging(history: CallHistory, now: number, timeoutMs: number): { history: CallHistory; missed: IncomingCall[] } {
  const missed: IncomingCall[] = [];
  const records = history.records.map((record) => {
    if (record.kind !== 'incoming' || record.status !== 'ringing' || now - record.at < timeoutMs) return record;
    const updated: IncomingCall = { ...record, status: 'missed' };
    missed.push(updated);
    return updated;
  });
  return { history: missed.length ? { ...history, records } : history, missed };
}

/** Keeps at most `limit` records (the setting may have shrunk). */
export function trim(history: CallHistory, limit: number): CallHistory {
  return history.records.length <= limit ? history : { ...history, records: history.records.slice(-limit) };
}

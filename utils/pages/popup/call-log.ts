import type { CallRecord, IncomingCall } from '../../core/calls/records';
import type { DirectoryEntries } from '../../core/presence/directory';
import { ownValue } from '../../core/presence/id-table';

export interface LogEntry {
  readonly record: CallRecord;
  /** Plain text: the caller's name as the call gave it, else the directory's, else the id. */
  readonly name: string;
  /** Unseen when this popup opened (or arrived while it was open). */
  readonly isNew: boolean;
  /** A missed call I have not returned: no call of mine to that person since. */
  readonly owed: boolean;
}

export function recordName(record: CallRecord, names: DirectoryEntries): string {
  const given = record.kind === 'incoming' ? record.peerName.trim() : '';
  return given || ownValue(names, record.peerId)?.trim() || record.peerId;
}

/** Missed calls with no later call of mine to the same person: what the user still owes. */
export function owedCalls(records: readonly CallRecord[]): ReadonlySet<IncomingCall> {
  const lastCalled = new Map<string, number>();
  for (const record of records) {
    if (record.kind === 'outgoing')
      lastCalled.set(record.peerId, Math.max(record.at, lastCalled.get(record.peerId) ?? -Infinity));
  }
  const owed = new Set<IncomingCall>();
  for (const record of records) {
    if (record.kind !== 'incoming' || record.status !== 'missed') continue;
    const called = lastCalled.get(record.peerId);
    if (called === undefined || called < record.at) owed.add(record);
  }
  return owed;
}

/** The log newest first, as the Calls tab lists it. */
export function callLog(
  records: readonly CallRecord[],
  names: DirectoryEntries,
  newIds: ReadonlySet<string>,
): LogEntry[] {
  const owed = owedCalls(records);
  const entries: LogEntry[] = [];
  for (let index = records.length - 1; index >= 0; index--) {
    const record = records[index];
    if (!record) continue;
    entries.push({
      record,
      name: recordName(record, names),
      isNew: record.kind === 'incoming' && newIds.has(record.id),
      owed: record.kind === 'incoming' && owed.has(record),
    });
  }
  return entries;
}

/** Calls ringing right now, newest first: the popup offers to answer or dismiss them. */
export function ringingCalls(records: readonly CallRecord[]): IncomingCall[] {
  return records
    .filter((record): record is IncomingCall => record.kind === 'incoming' && record.status === 'ringing')
    .reverse();
}

/** Ids of incoming calls not yet seen: these are "new" for as long as the popup stays open. */
export function unseenIds(records: readonly CallRecord[]): string[] {
  return records.flatMap((record) => (record.kind === 'incoming' && !record.seen ? [record.id] : []));
}

/** The tab the popup opens on: the calls, when a missed one has not been seen yet; else the people. */
export function openingTab(records: readonly CallRecord[]): 'people' | 'calls' {
  return records.some((record) => record.kind === 'incoming' && !record.seen && record.status === 'missed')
    ? 'calls'
    : 'people';
}

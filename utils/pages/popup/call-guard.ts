import type { CallRecord, OutgoingCall } from '../../core/calls/records';
import type { UserId } from '../../core/protocol/schemas';

/** A second ring to the same person this soon after the first is taken for a double-click. */
export const REPEAT_GUARD_MS = 2_000;

/** The newest outgoing call to each person. */
export function latestOutgoing(records: readonly CallRecord[]): ReadonlyMap<UserId, OutgoingCall> {
  const latest = new Map<UserId, OutgoingCall>();
  for (const record of records) {
    if (record.kind !== 'outgoing') continue;
    const known = latest.get(record.peerId);
    if (!known || record.at >= known.at) latest.set(record.peerId, record);
  }
  return latest;
}

export interface CallGuard {
  /** Requests sent to the background and not yet answered. */
  readonly pending: ReadonlySet<UserId>;
  /** When this popup last placed a call to each person. */
  readonly placedAt: ReadonlyMap<UserId, number>;
  readonly latest: ReadonlyMap<UserId, OutgoingCall>;
  readonly now: number;
}

/**
 * Whether a click (or Enter) may ring `peer` now. Not while the last request is unanswered, not
 * while a call to them still waits in the queue (it will ring once the link is back), and not
 * again within REPEAT_GUARD_MS: one deliberate ring per click, never two for a double-click.
 */
export function mayCall(peer: UserId, guard: CallGuard): boolean {
  if (guard.pending.has(peer)) return false;
  if (guard.latest.get(peer)?.status === 'queued') return false;
  const placed = guard.placedAt.get(peer);
  return placed === undefined || guard.now - placed >= REPEAT_GUARD_MS;
}

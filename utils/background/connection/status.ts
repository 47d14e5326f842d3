import type { ConnectionStatus, DisconnectReason } from '../../core/messages/connection-status';

export type StatusFields = Omit<ConnectionStatus, 'since'>;

/**
 * The next status from the fields that define it. `since` moves only when the phase does, and
 * optional fields are left out rather than set to undefined so snapshots compare cleanly.
 */
export function nextStatus(from: ConnectionStatus, fields: StatusFields, now: number): ConnectionStatus {
  return {
    phase: fields.phase,
    ...(fields.phase === 'disconnected' && fields.reason !== undefined ? { reason: fields.reason } : {}),
    since: fields.phase === from.phase ? from.since : now,
    attempt: fields.attempt,
    ...(fields.nextRetryAt !== undefined ? { nextRetryAt: fields.nextRetryAt } : {}),
    ...(fields.lastError !== undefined ? { lastError: fields.lastError } : {}),
  };
}

export function sameStatus(a: ConnectionStatus, b: ConnectionStatus): boolean {
  return (
    a.phase === b.phase &&
    a.reason === b.reason &&
    a.since === b.since &&
    a.attempt === b.attempt &&
    a.nextRetryAt === b.nextRetryAt &&
    a.lastError === b.lastError
  );
}

/** States only the caller can end (new settings, a new token, start): network flaps leave them be. */
export function waitsForCaller(reason: DisconnectReason | undefined): boolean {
  return reason === 'not-configured' || reason === 'no-token' || reason === 'unauthorized' || reason === 'stopped';
}

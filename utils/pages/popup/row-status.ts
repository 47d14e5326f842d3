import type { OutgoingCall } from '../../core/calls/records';
import type { CallRefusal } from '../../core/messages/roster-state';

/** How long a row keeps saying what became of the last call. */
export const SHOW_SENT_MS = 5 * 60_000;
export const SHOW_FAILED_MS = 10 * 60_000;

/** `no-answer`: the background did not reply (it went away mid-request). */
export type LocalRefusal = CallRefusal | 'no-answer';

export interface Refused {
  readonly refusal: LocalRefusal;
  readonly at: number;
}

export type RowCallStatus =
  | { readonly kind: 'sending' }
  | { readonly kind: 'queued' }
  | { readonly kind: 'sent'; readonly at: number }
  | { readonly kind: 'failed'; readonly error: NonNullable<OutgoingCall['error']> | 'unknown' }
  | { readonly kind: 'refused'; readonly refusal: LocalRefusal };

/**
 * What the person's row says about my last call to them: sending while the background has not
 * answered, then the call log's word for it (queued, sent, failed), or why it was refused. Old
 * outcomes fade so yesterday's "rung" does not sit on the row all day.
 */
export function rowCallStatus(
  pending: boolean,
  refused: Refused | undefined,
  latest: OutgoingCall | undefined,
  now: number,
): RowCallStatus | undefined {
  if (pending) return { kind: 'sending' };
  if (refused && (!latest || refused.at >= latest.at) && now - refused.at < SHOW_FAILED_MS)
    return { kind: 'refused', refusal: refused.refusal };
  if (!latest) return undefined;
  const settled = latest.settledAt ?? latest.at;
  switch (latest.status) {
    case 'queued':
      return { kind: 'queued' };
    case 'sent':
      return now - settled < SHOW_SENT_MS ? { kind: 'sent', at: settled } : undefined;
    case 'failed':
      return now - settled < SHOW_FAILED_MS ? { kind: 'failed', error: latest.error ?? 'unknown' } : undefined;
  }
}

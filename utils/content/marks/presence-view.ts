import type { ConnectionStatus, DisconnectReason } from '../../core/messages/connection-status';
import type { UserId } from '../../core/protocol/schemas';

/** What a mark says. `unknown`: Roster is not connected, so nobody can be called online. */
export type MarkState = 'online' | 'offline' | 'me' | 'unknown';

export interface PresenceView {
  readonly online: ReadonlySet<UserId>;
  readonly me: UserId | undefined;
  /** The online list is current; when false every mark shows `unknown`. */
  readonly live: boolean;
}

export function markState(view: PresenceView, id: UserId): MarkState {
  if (!view.live) return 'unknown';
  if (id === view.me) return 'me';
  return view.online.has(id) ? 'online' : 'offline';
}

/**
 * A short reconnect must not make every mark blink, so a dropped link keeps its last list for a
 * few seconds. Reasons that mean "no list at all" (signed out, refused, not set up) count at once.
 */
export const STALE_AFTER_MS = 3_000;
const NOTHING_TO_SHOW: ReadonlySet<DisconnectReason> = new Set([
  'no-token',
  'unauthorized',
  'not-configured',
  'stopped',
]);

/**
 * Milliseconds until the list must be called stale: 0 = already, `undefined` = never (connected).
 * Connected with the server's last list dropped (too large, unreadable) is stale at once: the
 * marks would show who was online before that list.
 */
export function msUntilStale(status: ConnectionStatus, now: number): number | undefined {
  if (status.phase === 'connected') return status.listProblem ? 0 : undefined;
  if (status.reason !== undefined && NOTHING_TO_SHOW.has(status.reason)) return 0;
  return Math.max(0, status.since + STALE_AFTER_MS - now);
}

import type { Timers } from '../../core/timers';
import type { ConnectionStatus } from '../../core/messages/connection-status';
import type { RosterClient } from '../../core/roster-client';
import type { UserId } from '../../core/protocol/schemas';
import type { Marker } from './marker';
import { msUntilStale, type PresenceView } from './presence-view';
import { measured } from './timing';

export interface PresenceSyncDeps {
  readonly timers: Timers;
  readonly now: () => number;
  /** Rows to read again (they waited for a name the directory now has). */
  readonly rescan: (rows: Element[]) => void;
  /** Users whose mark state may have changed; all of them when absent. */
  readonly changed: (ids?: UserId[]) => void;
}

export interface PresenceSync {
  /** The background stopped sending changes to this page (see `presence-interest.ts`). */
  quieted(): void;
}

/**
 * Keeps the marker's picture of presence in step with the background: a snapshot repaints every
 * mark, a presence diff only the marks of the users in it. While the connection is down the marks
 * turn `unknown` (after a short grace), because the last list may no longer be true.
 */
export function syncPresence(
  client: RosterClient,
  marker: Marker,
  deps: PresenceSyncDeps,
  signal: AbortSignal,
): PresenceSync {
  let online = new Set<UserId>();
  let me: UserId | undefined;
  let live = false;
  /** The background is not sending changes (no rows here): rows that appear are `unknown` until the next snapshot. */
  let quiet = false;
  let staleTimer: ReturnType<Timers['setTimeout']> | undefined;
  const view = (): PresenceView => ({ online, me, live: live && !quiet });
  const repaintUsers = measured('roster:presence-change', (ids: UserId[]) => marker.presenceChanged(view(), ids));

  const setLive = (next: boolean) => {
    if (next === live) return;
    live = next;
    marker.repaint(view());
    deps.changed();
  };

  const follow = (status: ConnectionStatus) => {
    if (staleTimer !== undefined) deps.timers.clearTimeout(staleTimer);
    staleTimer = undefined;
    const left = msUntilStale(status, deps.now());
    if (left !== undefined && left > 0) staleTimer = deps.timers.setTimeout(() => setLive(false), left);
    return left === undefined || left > 0;
  };

  client.subscribe((state, event) => {
    switch (event.type) {
      case 'state': {
        quiet = false;
        online = new Set(state.presence.online);
        me = state.me?.id;
        live = follow(state.connection);
        marker.repaint(view());
        deps.rescan(marker.setNames(state.names));
        deps.changed();
        return;
      }
      case 'presence': {
        for (const id of event.change.left) online.delete(id);
        for (const id of event.change.joined) online.add(id);
        const ids = [...event.change.joined, ...event.change.left];
        repaintUsers(ids);
        deps.changed(ids);
        return;
      }
      case 'names':
        deps.rescan(marker.namesLearned(event.names));
        return;
      case 'me': {
        const ids = [me, event.me?.id].filter((id): id is UserId => id !== undefined);
        me = event.me?.id;
        marker.presenceChanged(view(), ids);
        deps.changed(ids);
        return;
      }
      case 'connection':
        setLive(follow(event.status));
        return;
      default:
        return;
    }
  }, signal);
  signal.addEventListener('abort', () => staleTimer !== undefined && deps.timers.clearTimeout(staleTimer), {
    once: true,
  });
  return {
    quieted() {
      quiet = true;
      // The marker draws new rows from its own copy of the view.
      marker.repaint(view());
    },
  };
}

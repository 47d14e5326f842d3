import type { RosterClient } from '../../core/roster-client';
import { dispatchCallEvent } from './page-event';

/**
 * Every host tab tells its page about new calls (one event per caller per 10 s: the background
 * marks which calls may be announced, so a flood cannot make the host app reload endlessly).
 */
export function announceCalls(client: RosterClient, eventName: () => string, signal: AbortSignal): void {
  client.subscribe((_, event) => {
    if (event.type === 'ring' && event.announce) dispatchCallEvent(window, eventName(), event.call);
  }, signal);
}

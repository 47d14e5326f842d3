import { browser } from 'wxt/browser';
import { connectRoster, type RosterClient } from '../core/roster-client';
import { PORT_NAME } from '../core/messages/background-to-view';
import type { Timers } from '../core/timers';

/** A view's (popup, options page, host page) one live copy of the background's state. */
export function connectToBackground(timers: Timers, signal: AbortSignal): RosterClient {
  return connectRoster({ connect: () => browser.runtime.connect({ name: PORT_NAME }), timers }, signal);
}

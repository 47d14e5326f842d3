import { storage } from 'wxt/utils/storage';
import type { TimerHandle, Timers } from '../../core/timers';
import { createLogger } from '../../core/log';
import type { RosterMirror, RosterService } from '../service/service';
import type { RosterEvent } from '../../core/messages/roster-state';

const log = createLogger('mirror');

/**
 * The last known state, in `storage.session` (memory only, cleared with the browser, and not
 * readable by content scripts): a restarted worker and a fresh popup show it at once. No token.
 * The key carries a format version so an update never reads an older shape.
 */
export const mirrorItem = storage.defineItem<RosterMirror | null>('session:roster-mirror-v1', { fallback: null });

const WRITE_EVERY_MS = 250;
/** The events that change what the mirror holds (calls have their own store). */
const mirrored = new Set<RosterEvent['type']>(['state', 'connection', 'presence', 'names', 'me']);

/** Writes the mirror after changes, at most every 250 ms, until `signal` aborts. */
export function keepMirrored(service: RosterService, timers: Timers, signal: AbortSignal): void {
  let scheduled: TimerHandle | undefined;
  const write = () => {
    scheduled = undefined;
    mirrorItem.setValue(service.mirror()).catch((error: unknown) => log.warn('could not write the mirror', error));
  };
  service.subscribe((event) => {
    if (!mirrored.has(event.type) || scheduled !== undefined) return;
    scheduled = timers.setTimeout(write, WRITE_EVERY_MS);
  }, signal);
  signal.addEventListener('abort', () => scheduled !== undefined && timers.clearTimeout(scheduled), { once: true });
}

import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { Timers } from '../../core/timers';
import type { RosterClient } from '../../core/roster-client';
import { connectToBackground } from '../../extension/background-port';
import { clampDelay } from '../../core/timers';

/**
 * Timers that check the context first: one firing after an extension reload ends the script
 * quietly. Delays are clamped, so one computed from the background's times cannot overflow.
 */
export function contextTimers(ctx: ContentScriptContext): Timers {
  return {
    setTimeout: (callback, ms) => setTimeout(() => ctx.isValid && callback(), clampDelay(ms)),
    clearTimeout: (handle) => clearTimeout(handle),
  };
}

/** This tab's one port to the background, shared by everything the content script shows. */
export function connectHostPage(ctx: ContentScriptContext): RosterClient {
  return connectToBackground(contextTimers(ctx), ctx.signal);
}

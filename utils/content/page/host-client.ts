import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { Timers } from '../../background/connection/types';
import { connectRoster, type RosterClient } from '../../core/roster-client';
import { PORT_NAME } from '../../core/port';
import { clampDelay } from '../../core/timer-delay';

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
  return connectRoster({ connect: () => browser.runtime.connect({ name: PORT_NAME }), timers: contextTimers(ctx) }, ctx.signal);
}

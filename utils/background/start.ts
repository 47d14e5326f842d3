import { browser } from 'wxt/browser';
import type { RosterDeps } from '../roster/deps';
import { RosterService } from '../roster/service';
import { followSettings } from '../settings/storage';
import { browserNetwork } from './network';
import { keepMirrored, mirrorItem } from './session-mirror';

/** The real outside world of the background. */
export function browserDeps(): RosterDeps {
  return {
    createSocket: (url) => new WebSocket(url),
    cookies: browser.cookies,
    fetch: (input, init) => fetch(input, init),
    timers: { setTimeout: (callback, ms) => setTimeout(callback, ms), clearTimeout: (handle) => clearTimeout(handle) },
    clock: { now: () => Date.now() },
    random: () => Math.random(),
    network: browserNetwork(),
  };
}

/** Restores the last state, applies the settings, and keeps both up to date. */
export async function startRoster(deps: RosterDeps, signal: AbortSignal): Promise<RosterService> {
  const mirror = await mirrorItem.getValue();
  const service = new RosterService(deps, mirror ?? undefined);
  keepMirrored(service, deps.timers, signal);
  followSettings((effective) => service.configure(effective.settings), signal);
  signal.addEventListener('abort', () => service.stop(), { once: true });
  return service;
}

import { browser } from 'wxt/browser';
import type { HostTabs } from './ports/host-tabs';
import type { RosterDeps } from './service/deps';
import { PresenceModeGate } from './service/presence-mode';
import { RosterService } from './service/service';
import type { Settings } from '../core/settings/schema';
import { followSettings, loadSettings, updateSettings } from '../extension/settings-storage';
import { setUnseenBadge } from './browser/badge';
import { callHistoryItem } from './calls/call-history-store';
import { closeCallNotification, showCallNotification } from './calls/call-notifications';
import { hostStoreCookies } from './auth/host-cookies';
import { followIdle } from './browser/idle';
import { hashToken } from './identity/token-hash';
import { learnedIdentityStore } from './identity/learned-identity-store';
import { browserNetwork } from './browser/network';
import { playRing } from './calls/ring';
import { clampedTimers, globalTimers } from '../core/timers';
import { keepMirrored } from './browser/session-mirror';
import { loadStoredState } from './browser/stored-state';

/** The real outside world of the background. */
export function browserDeps(hostTabs: HostTabs): RosterDeps {
  return {
    createSocket: (url) => new WebSocket(url),
    // Firefox: the login cookie of the container the host site is open in. Chrome reads its one
    // regular store, as it always has.
    cookies: import.meta.env.FIREFOX ? hostStoreCookies() : browser.cookies,
    fetch: (input, init) => fetch(input, init),
    // Clamped: no delay computed from data (a stored record, a server's clock) can overflow.
    timers: clampedTimers(globalTimers),
    clock: { now: () => Date.now() },
    random: () => Math.random(),
    newCallId: () => crypto.randomUUID(),
    hashToken,
    learned: learnedIdentityStore,
    network: browserNetwork(),
    callEffects: {
      notify: showCallNotification,
      closeNotification: closeCallNotification,
      ring: playRing,
      setBadge: setUnseenBadge,
    },
    saveCalls: (history) => callHistoryItem.setValue(history),
    activeHostTab: async () => {
      const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
      return tab?.id !== undefined && hostTabs.has(tab.id) ? tab.id : null;
    },
    missingOrigins: async (origins) => {
      const granted = await Promise.all(origins.map((origin) => browser.permissions.contains({ origins: [origin] })));
      return origins.filter((_, index) => !granted[index]);
    },
    saveDoNotDisturb: async (on) => {
      const result = await updateSettings({ notifications: { doNotDisturb: on } });
      if (!result.ok) throw result.error;
    },
  };
}

/** Restores the last state and the call log, applies the settings, and keeps all of it up to date. */
export async function startRoster(
  deps: RosterDeps,
  hostTabs: HostTabs,
  signal: AbortSignal,
  /** Also told every effective settings (the content script registration follows them). */
  onSettings?: (settings: Settings) => void,
): Promise<RosterService> {
  // Checked on the way in: a damaged stored value must not stop the background (stored-state.ts).
  const [{ mirror, history }, effective] = await Promise.all([loadStoredState(), loadSettings()]);
  const service = new RosterService(deps, effective.settings, mirror, history);
  keepMirrored(service, deps.timers, signal);
  const gate = new PresenceModeGate((wanted) => service.setOnlineWanted(wanted), deps.timers);
  gate.hostTabsChanged(hostTabs.count);
  hostTabs.onChange((count) => gate.hostTabsChanged(count), signal);
  let idle: AbortController | undefined;
  followSettings((next) => {
    const { settings } = next;
    gate.configure(settings.presence.mode);
    idle?.abort();
    idle = new AbortController();
    followIdle(
      settings.presence.awayAfterMinutes,
      (away) => service.setAway(away),
      AbortSignal.any([signal, idle.signal]),
    );
    service.configure(settings);
    onSettings?.(settings);
  }, signal);
  signal.addEventListener('abort', () => service.stop(), { once: true });
  return service;
}

import { browser } from 'wxt/browser';

const ALARM = 'roster-keepalive';

/**
 * Chrome stops an idle service worker, and heartbeats only keep it alive while frames flow. A
 * one-minute alarm wakes a stopped worker; waking runs the background's top level, which restores
 * the socket. Registering the listener at top level is what makes the alarm wake it.
 */
export function keepAlive(onWake: () => void): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === ALARM) onWake();
  });
  void browser.alarms.get(ALARM).then((existing) => {
    if (!existing) void browser.alarms.create(ALARM, { periodInMinutes: 1 });
  });
}

import { browser } from 'wxt/browser';

const ALARM = 'roster-keepalive';

/**
 * Chrome stops an idle service worker, and heartbeats only keep it alive while frames flow. A
 * one-minute alarm wakes a stopped worker; waking runs the background's top level, which restores
 * the socket. A listener registered at top level is what makes the alarm wake it: it has nothing
 * to do, the waking is the point.
 */
export function keepAlive(): void {
  browser.alarms.onAlarm.addListener(() => undefined);
  void browser.alarms.get(ALARM).then((existing) => {
    if (!existing) void browser.alarms.create(ALARM, { periodInMinutes: 1 });
  });
}

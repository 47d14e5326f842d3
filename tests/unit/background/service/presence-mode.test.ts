import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { PresenceModeGate } from '../../../../utils/background/service/presence-mode';
import { realTimers } from '../../../helpers/real-timers';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

function gate() {
  const wanted: boolean[] = [];
  const timers = realTimers;
  return { gate: new PresenceModeGate((value) => wanted.push(value), timers, 10_000), wanted };
}

test('always: online whatever the tabs', () => {
  const { gate: g, wanted } = gate();
  g.configure('always');
  g.hostTabsChanged(0);
  vi.advanceTimersByTime(60_000);
  expect(wanted.every(Boolean)).toBe(true);
});

test('host-tab: offline 10 s after the last admin page closes, online again at once', () => {
  const { gate: g, wanted } = gate();
  g.configure('host-tab');
  g.hostTabsChanged(1);
  expect(wanted.at(-1)).toBe(true);
  g.hostTabsChanged(0);
  vi.advanceTimersByTime(9_999);
  expect(wanted.at(-1)).toBe(true);
  vi.advanceTimersByTime(1);
  expect(wanted.at(-1)).toBe(false);
  g.hostTabsChanged(1);
  expect(wanted.at(-1)).toBe(true);
});

test('host-tab: a reload (close then open within the grace period) never goes offline', () => {
  const { gate: g, wanted } = gate();
  g.configure('host-tab');
  g.hostTabsChanged(1);
  g.hostTabsChanged(0);
  vi.advanceTimersByTime(800);
  g.hostTabsChanged(1);
  vi.advanceTimersByTime(60_000);
  expect(wanted).not.toContain(false);
});

test('switching the mode back to always cancels a pending goodbye', () => {
  const { gate: g, wanted } = gate();
  g.configure('host-tab');
  g.hostTabsChanged(0);
  g.configure('always');
  vi.advanceTimersByTime(60_000);
  expect(wanted).not.toContain(false);
});

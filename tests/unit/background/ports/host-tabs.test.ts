import { describe, expect, test, vi } from 'vitest';
import { HostTabs } from '../../../../utils/background/ports/host-tabs';

describe('host tabs, frame by frame', () => {
  test('a tab counts once however many of its frames are host pages', () => {
    const tabs = new HostTabs();
    const counts = vi.fn();
    tabs.onChange(counts, new AbortController().signal);
    tabs.add(7, 0);
    tabs.add(7, 3);
    tabs.add(7, 4);
    expect(tabs.count).toBe(1);
    tabs.remove(7, 3);
    tabs.remove(7, 0);
    expect(tabs.has(7)).toBe(true);
    tabs.remove(7, 4);
    expect(tabs.has(7)).toBe(false);
    expect(counts.mock.calls).toEqual([[1], [0]]);
  });

  test.each([
    ['the top document when it is a host page, whatever frame is in view', [[0], [3, 'shown'], [4]], 0],
    [
      'else the host frame that came into view last',
      [
        [3, 'shown'],
        [4, 'shown'],
      ],
      4,
    ],
    [
      'a frame that went out of view gives way',
      [
        [3, 'shown'],
        [4, 'shown'],
        [4, 'hidden'],
      ],
      3,
    ],
    ['none in view: the first', [[5], [3]], 3],
  ] as const)('toasts go to one frame: %s', (_, steps, expected) => {
    const tabs = new HostTabs();
    let now = 1;
    for (const [frameId, view] of steps) {
      tabs.add(9, frameId);
      if (view) tabs.shown(9, frameId, view === 'shown', now++);
    }
    expect(tabs.toastFrame(9)).toBe(expected);
  });

  test('a frame reloading briefly has two ports: it stays until both are gone', () => {
    const tabs = new HostTabs();
    tabs.add(1, 2);
    tabs.add(1, 2);
    tabs.remove(1, 2);
    expect(tabs.toastFrame(1)).toBe(2);
    tabs.remove(1, 2);
    expect(tabs.toastFrame(1)).toBeUndefined();
  });
});

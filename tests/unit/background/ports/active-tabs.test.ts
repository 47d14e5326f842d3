import { describe, expect, test } from 'vitest';
import { ActiveTabs } from '../../../../utils/background/ports/active-tabs';

describe('ActiveTabs', () => {
  test('counts every tab as shown until the browser said which are', () => {
    const tabs = new ActiveTabs();
    expect(tabs.isShown(1)).toBe(true);
    tabs.found([{ tabId: 2, windowId: 10 }]);
    expect(tabs.isShown(1)).toBe(false);
    expect(tabs.isShown(2)).toBe(true);
  });

  test.each([
    ['the tab brought to the front', 3, true],
    ['the tab it replaced', 2, false],
    ["another window's front tab", 5, true],
    ['a tab behind in that window', 6, false],
  ])('%s', (_, tabId, shown) => {
    const tabs = new ActiveTabs();
    tabs.found([
      { tabId: 2, windowId: 10 },
      { tabId: 5, windowId: 11 },
    ]);
    tabs.activated(3, 10);
    expect(tabs.isShown(tabId)).toBe(shown);
  });

  test('an event that came before the query keeps its answer for that window', () => {
    const tabs = new ActiveTabs();
    tabs.activated(4, 10);
    tabs.found([{ tabId: 2, windowId: 10 }]);
    expect(tabs.isShown(4)).toBe(true);
    expect(tabs.isShown(2)).toBe(false);
  });

  test('a closed window shows nothing any more', () => {
    const tabs = new ActiveTabs();
    tabs.found([{ tabId: 2, windowId: 10 }]);
    tabs.windowClosed(10);
    expect(tabs.isShown(2)).toBe(false);
  });

  test('tells listeners which tab came to the front, until their signal ends', () => {
    const tabs = new ActiveTabs();
    const life = new AbortController();
    const heard: number[] = [];
    tabs.onActivated((tabId) => heard.push(tabId), life.signal);
    tabs.activated(3, 10);
    life.abort();
    tabs.activated(4, 10);
    expect(heard).toEqual([3]);
  });
});

import { beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { followActiveTabs } from '../../../../utils/background/browser/follow-active-tabs';
import { ActiveTabs } from '../../../../utils/background/ports/active-tabs';

beforeEach(() => {
  vi.restoreAllMocks();
  fakeBrowser.reset();
});

describe('followActiveTabs', () => {
  test('starts from the tabs the browser says are in front, then follows the ones brought there', async () => {
    const behind = await fakeBrowser.tabs.create({ url: 'http://admin.example/users' });
    const front = await fakeBrowser.tabs.create({ url: 'http://admin.example/orders' });
    // The fake browser keeps no active tab of its own: the query answers what a browser would.
    vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([{ ...front, active: true }]);
    const active = new ActiveTabs();
    followActiveTabs(active);
    await expect.poll(() => active.isShown(behind.id!)).toBe(false);
    expect(active.isShown(front.id!)).toBe(true);

    await fakeBrowser.tabs.onActivated.trigger({ tabId: behind.id!, windowId: behind.windowId! });
    expect(active.isShown(behind.id!)).toBe(true);
    expect(active.isShown(front.id!)).toBe(false);
  });

  test('a window closing takes its front tab with it', async () => {
    const tab = await fakeBrowser.tabs.create({ url: 'http://admin.example/users' });
    const active = new ActiveTabs();
    followActiveTabs(active);
    await fakeBrowser.tabs.onActivated.trigger({ tabId: tab.id!, windowId: tab.windowId! });
    await fakeBrowser.tabs.onRemoved.trigger(tab.id!, { windowId: tab.windowId!, isWindowClosing: true });
    expect(active.isShown(tab.id!)).toBe(false);
  });
});

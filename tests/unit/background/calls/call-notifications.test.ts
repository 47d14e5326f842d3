import { beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  handleNotificationActions,
  notificationId,
  showCallNotification,
} from '../../../../utils/background/calls/call-notifications';
import {
  callNotificationOptions,
  type NotificationFeatures,
} from '../../../../utils/background/calls/notification-options';
import type { IncomingCall } from '../../../../utils/core/calls/records';
import type { UserId } from '../../../../utils/core/protocol/schemas';
import type { RosterService } from '../../../../utils/background/service/service';

const chrome: NotificationFeatures = { buttons: true, knowsWhoClosed: true };
const firefox: NotificationFeatures = { buttons: false, knowsWhoClosed: false };

const call: IncomingCall = {
  kind: 'incoming',
  id: 'c1',
  peerId: '7' as UserId,
  peerName: '李四',
  at: Date.UTC(2026, 10, 25, 9, 0),
  status: 'ringing',
  seen: false,
};

/** The parts of the service a notification click reaches; `pageOf` is what each call is about. */
function fakeService(pageOf: Record<string, string> = {}) {
  const service = {
    callBack: vi.fn(() => ({ ok: true as const })),
    dismissCall: vi.fn(),
    callPage: vi.fn((id: string) => pageOf[id]),
    state: () => ({ calls: { records: [call] } }),
  };
  return { service, ready: Promise.resolve(service as unknown as RosterService) };
}

function fakePages() {
  return {
    active: vi.fn(() => Promise.resolve(undefined)),
    open: vi.fn<(url: string) => Promise<void>>(() => Promise.resolve()),
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

beforeEach(() => {
  fakeBrowser.reset();
  fakeBrowser.i18n.getMessage = (key: string, subs?: string | string[]) => [key, ...[subs ?? []].flat()].join(' ');
  fakeBrowser.i18n.getUILanguage = () => 'en';
});

describe('callNotificationOptions', () => {
  const text = {
    iconUrl: 'icon.png',
    title: 'Li Si calls',
    message: '09:00',
    clickHint: 'Click',
    callBack: 'Call back',
    dismiss: 'Dismiss',
  };

  test('with buttons: both buttons, kept until dismissed when asked, top priority', () => {
    expect(callNotificationOptions(text, true, chrome)).toEqual({
      type: 'basic',
      iconUrl: 'icon.png',
      title: 'Li Si calls',
      message: '09:00',
      buttons: [{ title: 'Call back' }, { title: 'Dismiss' }],
      requireInteraction: true,
      priority: 2,
    });
    expect(callNotificationOptions(text, false, chrome)).toMatchObject({ requireInteraction: false });
  });

  test('without buttons (Firefox): only what Firefox accepts, and the message says what a click does', () => {
    const options = callNotificationOptions(text, true, firefox);
    expect(options).toEqual({ type: 'basic', iconUrl: 'icon.png', title: 'Li Si calls', message: '09:00\nClick' });
  });
});

describe('showCallNotification', () => {
  test('Firefox: no buttons and no requireInteraction reach notifications.create', async () => {
    showCallNotification(call, true, firefox);
    await settle();
    const all = await fakeBrowser.notifications.getAll();
    const shown = all[notificationId('c1')];
    expect(shown).toBeDefined();
    expect(Object.keys(shown ?? {}).sort()).toEqual(['iconUrl', 'message', 'title', 'type']);
    expect(shown?.title).toBe('notificationTitle 李四');
    expect(shown?.message).toContain('notificationFirefoxHint');
  });

  test.each([
    ['Chrome', chrome, 'notificationMessage', 'Hint'],
    ['Firefox', firefox, 'notificationOpenHint', 'notificationFirefoxHint'],
  ])('%s: a call about a page says so, with the note, as text', async (_, features, has, hasNot) => {
    const about: IncomingCall = {
      ...call,
      context: { url: 'https://admin.example/orders/42', title: '<b>Order 42</b>', note: 'Can you check?' },
    };
    showCallNotification(about, true, features);
    await settle();
    const message = (await fakeBrowser.notifications.getAll())[notificationId('c1')]?.message ?? '';
    expect(message.split('\n').slice(1, 3)).toEqual(['callAbout <b>Order 42</b>', 'callNote Can you check?']);
    expect(message).toContain(has);
    if (hasNot) expect(message).not.toContain(hasNot);
  });

  test('Chrome: the buttons and the keep-until-dismissed choice', async () => {
    showCallNotification(call, true, chrome);
    await settle();
    const all = await fakeBrowser.notifications.getAll();
    expect(all[notificationId('c1')]).toMatchObject({
      buttons: [{ title: 'callBack' }, { title: 'dismiss' }],
      requireInteraction: true,
    });
  });
});

describe('handleNotificationActions', () => {
  test('Firefox: a click opens the popup (where Call back and Dismiss are), and rings nobody by itself', async () => {
    const { service, ready } = fakeService();
    const openPopup = vi.fn(() => Promise.resolve());
    fakeBrowser.action.openPopup = openPopup;
    const created = vi.spyOn(fakeBrowser.tabs, 'create');
    handleNotificationActions(ready, fakePages(), firefox);
    await fakeBrowser.notifications.onClicked.trigger(notificationId('c1'));
    await settle();
    expect(openPopup).toHaveBeenCalledTimes(1);
    expect(created).not.toHaveBeenCalled();
    expect(service.callBack).not.toHaveBeenCalled();
  });

  test.each([
    ['Chrome', chrome],
    ['Firefox', firefox],
  ])('%s: a click on a call about a page opens that page, not the popup, and rings nobody', async (_, features) => {
    const { service, ready } = fakeService({ c1: 'https://admin.example/orders/42' });
    const pages = fakePages();
    const openPopup = vi.fn(() => Promise.resolve());
    fakeBrowser.action.openPopup = openPopup;
    handleNotificationActions(ready, pages, features);
    await settle();
    await fakeBrowser.notifications.onClicked.trigger(notificationId('c1'));
    await settle();
    expect(pages.open).toHaveBeenCalledWith('https://admin.example/orders/42');
    expect(openPopup).not.toHaveBeenCalled();
    expect(service.callBack).not.toHaveBeenCalled();
  });

  test('a click that wakes the worker waits for the log, then opens the page', async () => {
    const { ready } = fakeService({ c1: 'https://admin.example/orders/42' });
    const pages = fakePages();
    handleNotificationActions(ready, pages, chrome);
    // Before the service is known (no settle): the click must still find the page.
    await fakeBrowser.notifications.onClicked.trigger(notificationId('c1'));
    await settle();
    expect(pages.open).toHaveBeenCalledWith('https://admin.example/orders/42');
  });

  test('Firefox: when the popup cannot be opened, the same page opens in a tab', async () => {
    const { service, ready } = fakeService();
    fakeBrowser.action.openPopup = vi.fn(() => Promise.reject(new Error('needs a user gesture')));
    const created = vi.spyOn(fakeBrowser.tabs, 'create');
    handleNotificationActions(ready, fakePages(), firefox);
    await fakeBrowser.notifications.onClicked.trigger(notificationId('c1'));
    await settle();
    expect(created).toHaveBeenCalledWith({ url: fakeBrowser.runtime.getURL('/popup.html') });
    expect(service.callBack).not.toHaveBeenCalled();
  });

  test('Firefox: no button listener is added (there are no buttons)', () => {
    const added = vi.spyOn(fakeBrowser.notifications.onButtonClicked, 'addListener');
    handleNotificationActions(fakeService().ready, fakePages(), firefox);
    expect(added).not.toHaveBeenCalled();
  });

  test('Chrome: the buttons call back and dismiss; other notifications are not ours', async () => {
    const { service, ready } = fakeService();
    handleNotificationActions(ready, fakePages(), chrome);
    await fakeBrowser.notifications.onButtonClicked.trigger(notificationId('c1'), 0);
    await fakeBrowser.notifications.onButtonClicked.trigger(notificationId('c1'), 1);
    await fakeBrowser.notifications.onButtonClicked.trigger('someone-else', 0);
    await settle();
    expect(service.callBack).toHaveBeenCalledTimes(1);
    expect(service.callBack).toHaveBeenCalledWith('c1');
    expect(service.dismissCall).toHaveBeenCalledWith('c1');
  });

  test('Chrome: closing it by hand dismisses the call; closing by the browser does not', async () => {
    const { service, ready } = fakeService();
    handleNotificationActions(ready, fakePages(), chrome);
    await fakeBrowser.notifications.onClosed.trigger(notificationId('c1'), false);
    await settle();
    expect(service.dismissCall).not.toHaveBeenCalled();
    await fakeBrowser.notifications.onClosed.trigger(notificationId('c1'), true);
    await settle();
    expect(service.dismissCall).toHaveBeenCalledWith('c1');
  });

  test('Firefox: a close is no dismissal, since Firefox says "by the user" for timeouts too', async () => {
    const { service, ready } = fakeService();
    handleNotificationActions(ready, fakePages(), firefox);
    await fakeBrowser.notifications.onClosed.trigger(notificationId('c1'), true);
    await settle();
    expect(service.dismissCall).not.toHaveBeenCalled();
  });
});

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

/** The parts of the service a notification click reaches. */
function fakeService() {
  const service = {
    callBack: vi.fn(() => ({ ok: true as const })),
    dismissCall: vi.fn(),
    state: () => ({ calls: { records: [call] } }),
  };
  return { service, ready: Promise.resolve(service as unknown as RosterService) };
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
    handleNotificationActions(ready, firefox);
    await fakeBrowser.notifications.onClicked.trigger(notificationId('c1'));
    await settle();
    expect(openPopup).toHaveBeenCalledTimes(1);
    expect(created).not.toHaveBeenCalled();
    expect(service.callBack).not.toHaveBeenCalled();
  });

  test('Firefox: when the popup cannot be opened, the same page opens in a tab', async () => {
    const { service, ready } = fakeService();
    fakeBrowser.action.openPopup = vi.fn(() => Promise.reject(new Error('needs a user gesture')));
    const created = vi.spyOn(fakeBrowser.tabs, 'create');
    handleNotificationActions(ready, firefox);
    await fakeBrowser.notifications.onClicked.trigger(notificationId('c1'));
    await settle();
    expect(created).toHaveBeenCalledWith({ url: fakeBrowser.runtime.getURL('/popup.html') });
    expect(service.callBack).not.toHaveBeenCalled();
  });

  test('Firefox: no button listener is added (there are no buttons)', () => {
    const added = vi.spyOn(fakeBrowser.notifications.onButtonClicked, 'addListener');
    handleNotificationActions(fakeService().ready, firefox);
    expect(added).not.toHaveBeenCalled();
  });

  test('Chrome: the buttons call back and dismiss; other notifications are not ours', async () => {
    const { service, ready } = fakeService();
    handleNotificationActions(ready, chrome);
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
    handleNotificationActions(ready, chrome);
    await fakeBrowser.notifications.onClosed.trigger(notificationId('c1'), false);
    await settle();
    expect(service.dismissCall).not.toHaveBeenCalled();
    await fakeBrowser.notifications.onClosed.trigger(notificationId('c1'), true);
    await settle();
    expect(service.dismissCall).toHaveBeenCalledWith('c1');
  });

  test('Firefox: a close is no dismissal, since Firefox says "by the user" for timeouts too', async () => {
    const { service, ready } = fakeService();
    handleNotificationActions(ready, firefox);
    await fakeBrowser.notifications.onClosed.trigger(notificationId('c1'), true);
    await settle();
    expect(service.dismissCall).not.toHaveBeenCalled();
  });
});

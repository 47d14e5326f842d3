import { browser } from 'wxt/browser';
import type { IncomingCall } from '../calls/records';
import { t } from '../i18n';
import { createLogger } from '../log';
import type { RosterService } from '../roster/service';
import { refusalText } from '../roster/refusal-text';

const log = createLogger('notifications');
const PREFIX = 'roster-call:';
const INFO_ID = 'roster-info';

/** Firefox notifications have no buttons and no requireInteraction: a click calls back instead. */
const firefox = import.meta.env.FIREFOX;

export function notificationId(callId: string): string {
  return `${PREFIX}${callId}`;
}

function callIdOf(notificationId: string): string | undefined {
  return notificationId.startsWith(PREFIX) ? notificationId.slice(PREFIX.length) : undefined;
}

/** One system notification per call (the inbox decides which calls get one). */
export function showCallNotification(call: IncomingCall, keepUntilDismissed: boolean): void {
  const time = new Intl.DateTimeFormat(browser.i18n.getUILanguage(), { timeStyle: 'short' }).format(call.at);
  const base = {
    type: 'basic' as const,
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    title: t('notificationTitle', call.peerName),
    message: t('notificationMessage', time),
  };
  const options = firefox
    ? { ...base, contextMessage: t('notificationFirefoxHint') }
    : { ...base, buttons: [{ title: t('callBack') }, { title: t('dismiss') }], requireInteraction: keepUntilDismissed, priority: 2 };
  browser.notifications.create(notificationId(call.id), options).catch((error: unknown) => log.warn('could not notify', error));
}

export function closeCallNotification(callId: string): void {
  browser.notifications.clear(notificationId(callId)).catch(() => undefined);
}

/**
 * What the notification's buttons and clicks do. Registered in the first turn of the worker so a
 * click wakes a stopped worker and still reaches them.
 */
export function handleNotificationActions(ready: Promise<RosterService>): void {
  const callBack = async (callId: string) => {
    const service = await ready;
    const result = service.callBack(callId);
    if (result.ok) return;
    const call = service.state().calls.records.find((record) => record.kind === 'incoming' && record.id === callId);
    const peer = call?.kind === 'incoming' ? call.peerName : '';
    void browser.notifications.create(INFO_ID, {
      type: 'basic',
      iconUrl: browser.runtime.getURL('/icon/128.png'),
      title: t('callBackFailedTitle'),
      message: refusalText(result.refusal, peer),
    });
  };
  const dismiss = async (callId: string) => (await ready).dismissCall(callId);

  browser.notifications.onButtonClicked.addListener((id, button) => {
    const callId = callIdOf(id);
    if (callId === undefined) return;
    void (button === 0 ? callBack(callId) : dismiss(callId));
  });
  browser.notifications.onClicked.addListener((id) => {
    const callId = callIdOf(id);
    if (callId === undefined) return;
    // Chrome: show the popup, where the call rings with its buttons; Firefox (or no popup): call back.
    const openPopup = firefox ? Promise.reject(new Error('firefox')) : browser.action.openPopup();
    openPopup.catch(() => callBack(callId));
  });
  browser.notifications.onClosed.addListener((id, byUser) => {
    const callId = callIdOf(id);
    if (callId !== undefined && byUser) void dismiss(callId);
  });
}

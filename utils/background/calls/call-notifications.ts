import { browser } from 'wxt/browser';
import type { IncomingCall } from '../../core/calls/records';
import { t } from '../../extension/i18n';
import { createLogger } from '../../core/log';
import type { RosterService } from '../service/service';
import { refusalText } from '../../extension/refusal-text';
import { callNotificationOptions, type NotificationFeatures } from './notification-options';
import { toolbarButton } from '../browser/toolbar-button';

const log = createLogger('notifications');
const PREFIX = 'roster-call:';
const INFO_ID = 'roster-info';
const POPUP_PATH = '/popup.html';

/** Firefox's notifications have no buttons (a click opens the popup, which has them) and say "by the user" for every close. */
const platformFeatures: NotificationFeatures = {
  buttons: !import.meta.env.FIREFOX,
  knowsWhoClosed: !import.meta.env.FIREFOX,
};

export function notificationId(callId: string): string {
  return `${PREFIX}${callId}`;
}

function callIdOf(notificationId: string): string | undefined {
  return notificationId.startsWith(PREFIX) ? notificationId.slice(PREFIX.length) : undefined;
}

/** One system notification per call (the inbox decides which calls get one). */
export function showCallNotification(
  call: IncomingCall,
  keepUntilDismissed: boolean,
  features = platformFeatures,
): void {
  const time = new Intl.DateTimeFormat(browser.i18n.getUILanguage(), { timeStyle: 'short' }).format(call.at);
  const text = {
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    title: t('notificationTitle', call.peerName),
    message: t('notificationMessage', time),
    clickHint: t('notificationFirefoxHint'),
    callBack: t('callBack'),
    dismiss: t('dismiss'),
  };
  browser.notifications
    .create(notificationId(call.id), callNotificationOptions(text, keepUntilDismissed, features))
    .catch((error: unknown) => log.warn('could not notify', error));
}

export function closeCallNotification(callId: string): void {
  browser.notifications.clear(notificationId(callId)).catch(() => undefined);
}

/**
 * The call-back UI: the toolbar popup, where the ringing call has Call back and Dismiss. Where
 * the browser will not open it from here, the same page in a tab.
 */
async function openCallBackUi(): Promise<void> {
  try {
    await toolbarButton().openPopup();
  } catch (error) {
    log.debug('could not open the popup, opening it in a tab', error);
    await browser.tabs.create({ url: browser.runtime.getURL(POPUP_PATH) });
  }
}

/**
 * What the notification's buttons and clicks do. Registered in the first turn of the worker so a
 * click wakes a stopped worker and still reaches them.
 */
export function handleNotificationActions(ready: Promise<RosterService>, features = platformFeatures): void {
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

  // Firefox has no onButtonClicked (no buttons): only listen where there are buttons.
  if (features.buttons) {
    browser.notifications.onButtonClicked.addListener((id, button) => {
      const callId = callIdOf(id);
      if (callId === undefined) return;
      void (button === 0 ? callBack(callId) : dismiss(callId));
    });
  }
  browser.notifications.onClicked.addListener((id) => {
    const callId = callIdOf(id);
    if (callId === undefined) return;
    // With buttons (Chrome) the body click is a shortcut: the popup, or else call back at once.
    // Without (Firefox) the click is the only action, so it must lead to both choices.
    if (features.buttons)
      toolbarButton()
        .openPopup()
        .catch(() => callBack(callId));
    else openCallBackUi().catch((error: unknown) => log.warn('could not open the call-back page', error));
  });
  browser.notifications.onClosed.addListener((id, byUser) => {
    const callId = callIdOf(id);
    // Where a timeout looks like a user's close, no close is taken for a dismissal: the call rings on.
    if (callId !== undefined && byUser && features.knowsWhoClosed) void dismiss(callId);
  });
}

import { browser } from 'wxt/browser';
import type { IncomingCall } from '../../core/calls/records';
import { t } from '../../extension/i18n';
import { createLogger } from '../../core/log';
import type { RosterService } from '../service/service';
import type { PagesPort } from '../ports/hub';
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
  const { context } = call;
  const lines = [
    t('notificationMessage', time),
    ...(context?.title ? [t('callAbout', context.title)] : []),
    ...(context?.note ? [t('callNote', context.note)] : []),
  ];
  const text = {
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    title: t('notificationTitle', call.peerName),
    message: lines.join('\n'),
    clickHint: t(context?.url ? 'notificationOpenHint' : 'notificationFirefoxHint'),
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
export function handleNotificationActions(
  ready: Promise<RosterService>,
  pages: PagesPort,
  features = platformFeatures,
): void {
  // Known at once after the first start, so a click can still open the popup in its own turn.
  let started: RosterService | undefined;
  void ready.then((service) => (started = service));
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
  const openCallUi = (callId: string) => {
    // With buttons (Chrome) the body click is a shortcut: the popup, or else call back at once.
    // Without (Firefox) the click is the only action, so it must lead to both choices.
    if (features.buttons)
      toolbarButton()
        .openPopup()
        .catch(() => callBack(callId));
    else openCallBackUi().catch((error: unknown) => log.warn('could not open the call-back page', error));
  };
  /** A call about a page: the click opens it. `false` when the call is about none. */
  const openPage = (service: RosterService, callId: string): boolean => {
    const url = service.callPage(callId);
    if (url === undefined) return false;
    closeCallNotification(callId);
    pages.open(url).catch((error: unknown) => log.warn('could not open the page of a call', error));
    return true;
  };
  browser.notifications.onClicked.addListener((id) => {
    const callId = callIdOf(id);
    if (callId === undefined) return;
    if (started) {
      if (openPage(started, callId)) return;
    } else {
      // A click that woke the worker: the log is read first; a call about no page goes on as below.
      void ready.then((service) => openPage(service, callId) || openCallUi(callId));
      return;
    }
    openCallUi(callId);
  });
  browser.notifications.onClosed.addListener((id, byUser) => {
    const callId = callIdOf(id);
    // Where a timeout looks like a user's close, no close is taken for a dismissal: the call rings on.
    if (callId !== undefined && byUser && features.knowsWhoClosed) void dismiss(callId);
  });
}

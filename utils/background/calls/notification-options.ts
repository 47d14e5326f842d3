import type { Browser } from 'wxt/browser';

/**
 * What the browser's notifications can do. Firefox supports only `type`, `title`, `message` and
 * `iconUrl`: `buttons` and `requireInteraction` make `notifications.create` throw (checked in
 * Firefox 153), and other extras are ignored.
 */
export interface NotificationFeatures {
  /** Buttons, "keep until dismissed" and priority (Chrome, Edge). */
  readonly buttons: boolean;
  /**
   * `onClosed`'s `byUser` tells a user's close from a timeout. Firefox says `true` for every close
   * (bug 1413188), also when its popup or the desktop's daemon times the notification out.
   */
  readonly knowsWhoClosed: boolean;
}

/** The strings and icon of a call notification, already translated. */
export interface CallNotificationText {
  readonly iconUrl: string;
  readonly title: string;
  readonly message: string;
  /** Without buttons, the one line that says what a click does. */
  readonly clickHint: string;
  readonly callBack: string;
  readonly dismiss: string;
}

/** The options of one incoming-call notification for a browser with `features`. Pure. */
export function callNotificationOptions(
  text: CallNotificationText,
  keepUntilDismissed: boolean,
  features: NotificationFeatures,
): Browser.notifications.NotificationCreateOptions {
  const base = { type: 'basic' as const, iconUrl: text.iconUrl, title: text.title };
  if (!features.buttons) return { ...base, message: `${text.message}\n${text.clickHint}` };
  return {
    ...base,
    message: text.message,
    buttons: [{ title: text.callBack }, { title: text.dismiss }],
    requireInteraction: keepUntilDismissed,
    priority: 2,
  };
}

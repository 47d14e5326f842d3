import { ROSTER_EVENT_TYPES, type ViewEvent } from './roster-state';

/**
 * Views (popup, options page, host pages' content scripts) and the background talk over a
 * `runtime.Port` of this name: requests one way (`ViewToBackground`, in views-background.ts), events
 * and replies the other (`BackgroundToView`, here).
 */
export const PORT_NAME = 'roster';

export type BackgroundToView =
  | { readonly type: 'event'; readonly event: ViewEvent }
  | { readonly type: 'reply'; readonly id: number; readonly ok: true; readonly value: unknown }
  | { readonly type: 'reply'; readonly id: number; readonly ok: false; readonly error: string };

const eventTypes: ReadonlySet<string> = new Set(ROSTER_EVENT_TYPES);

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/**
 * The background is our own code, so its events are trusted whole; a view still checks the
 * envelope, so a message from an older or newer background is dropped rather than misread. Written
 * by hand: this runs in every host page, where a schema library would cost more than it checks.
 */
export function readBackgroundToView(message: unknown): BackgroundToView | undefined {
  if (!isRecord(message)) return undefined;
  if (message.type === 'event') {
    const { event } = message;
    return isRecord(event) && typeof event.type === 'string' && eventTypes.has(event.type)
      ? (message as BackgroundToView)
      : undefined;
  }
  if (message.type !== 'reply' || typeof message.id !== 'number') return undefined;
  if (message.ok === true && 'value' in message) return message as BackgroundToView;
  return message.ok === false && typeof message.error === 'string' ? (message as BackgroundToView) : undefined;
}

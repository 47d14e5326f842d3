import type { RingingCall } from '../../core/calls/records';

/** What the host page's own code receives: plain data, never the token, never a port. */
export interface CallEventDetail {
  readonly callerId: string;
  readonly callerName: string;
  /** ISO 8601, e.g. `2026-11-25T09:00:00.000Z`. */
  readonly time: string;
  /** The page of this site the call is about, for the app to open its record; absent when none. */
  readonly url?: string;
  /** That page's title as the caller saw it, and the caller's note: plain text. */
  readonly title?: string;
  readonly note?: string;
}

type CloneInto = <T>(value: T, target: object) => T;

/**
 * Tells the host application a call arrived, as the original app's bus event did: a DOM
 * `CustomEvent` on `window` (name configurable, e.g. `refreshApplication`). Firefox's content
 * scripts must clone the detail into the page's compartment or the page cannot read it.
 */
export function dispatchCallEvent(target: Window, eventName: string, call: RingingCall): void {
  const context = call.context ?? {};
  const detail: CallEventDetail = {
    callerId: call.callerId,
    callerName: call.callerName,
    time: new Date(call.at).toISOString(),
    ...(context.url ? { url: context.url } : {}),
    ...(context.title ? { title: context.title } : {}),
    ...(context.note ? { note: context.note } : {}),
  };
  const cloneInto = (globalThis as { cloneInto?: CloneInto }).cloneInto;
  const pageDetail = cloneInto ? cloneInto(detail, target) : detail;
  target.dispatchEvent(new CustomEvent(eventName, { detail: pageDetail }));
}

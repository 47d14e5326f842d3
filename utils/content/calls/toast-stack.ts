import type { RingingCall } from '../../core/calls/records';

export const MAX_TOASTS = 3;

export interface ToastStack {
  /** Newest first, at most `max`. */
  readonly shown: readonly RingingCall[];
  /** The rest, collapsed into "+N more". */
  readonly more: number;
}

/** Which ringing calls get a toast of their own; `hidden` more ring but are not held whole. Pure. */
export function toastStack(ringing: readonly RingingCall[], max = MAX_TOASTS, hidden = 0): ToastStack {
  const newestFirst = [...ringing].sort((a, b) => b.at - a.at);
  return { shown: newestFirst.slice(0, max), more: Math.max(0, newestFirst.length - max) + hidden };
}

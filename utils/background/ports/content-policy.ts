/** A person rings a handful of colleagues a minute at most; a page doing more is not a person. */
export const CONTENT_CALLS_PER_MINUTE = 5;
const MINUTE_MS = 60_000;
/** As many as a tab keeps track of (see `TabRinging`). */
const MAX_TOASTS = 5_000;

/**
 * What a host page's content script may do, enforced in the background, per port. Content scripts
 * are semi-trusted: they share a renderer with the host page. The background cannot see whether a
 * click was a person's (the content script checks `isTrusted`), nor what the page shows (it would
 * have to take the page's word), so it bounds what a compromised renderer could do:
 * - calls (from the hover card) and call-backs (from a toast): at most 5 a minute per page;
 * - Call back and Dismiss: only calls this page was given as a toast, while they ring.
 * Everything else a content script may ask is read-only or names only (see `allowedOps`). Pure.
 */
export class ContentPolicy {
  readonly #calls: number[] = [];
  readonly #toasts = new Set<string>();

  /** Whether one more call may go out now; counts it when it may. */
  allowCall(now: number): boolean {
    while (this.#calls.length > 0 && now - (this.#calls[0] ?? now) >= MINUTE_MS) this.#calls.shift();
    if (this.#calls.length >= CONTENT_CALLS_PER_MINUTE) return false;
    this.#calls.push(now);
    return true;
  }

  /** This page was given the call as a toast. */
  toasted(callId: string): void {
    this.#toasts.add(callId);
    // A flood must not grow this without end: the oldest calls are long gone from the page anyway.
    if (this.#toasts.size > MAX_TOASTS) this.#toasts.delete(this.#toasts.values().next().value ?? callId);
  }

  /** The call stopped ringing (answered, dismissed or missed, anywhere). */
  closed(callId: string): void {
    this.#toasts.delete(callId);
  }

  /** Whether this page may answer or dismiss the call. */
  mayAct(callId: string): boolean {
    return this.#toasts.has(callId);
  }
}

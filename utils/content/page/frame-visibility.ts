import { createLogger } from '../../core/log';
import type { RosterClient } from '../../core/roster-client';

const log = createLogger('content');

/**
 * In a frame (not the top document), tells the background whenever the frame comes into view or
 * leaves it: an iframe shell hides the frames of its other tabs, and when the top document is not a
 * host page, the tab's call toasts go to the host frame in view. The top document says nothing:
 * it always gets the toasts when it is a host page.
 */
export function reportFrameShown(client: RosterClient, win: Window, signal: AbortSignal): void {
  if (win.top === win || typeof IntersectionObserver !== 'function') return;
  let shown: boolean | undefined;
  const tell = () => {
    if (shown === undefined || signal.aborted) return;
    client
      .request({ op: 'frameShown', shown })
      .catch((error: unknown) => log.debug('could not say whether the frame is shown', error));
  };
  const observer = new IntersectionObserver((entries) => {
    const now = entries.some((entry) => entry.isIntersecting);
    if (now === shown) return;
    shown = now;
    tell();
  });
  observer.observe(win.document.documentElement);
  // A restarted background forgot: its new snapshot is the cue to say it again.
  client.subscribe((_, event) => event.type === 'state' && tell(), signal);
  signal.addEventListener('abort', () => observer.disconnect(), { once: true });
}

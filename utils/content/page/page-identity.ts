import type { Timers } from '../../core/timers';
import type { PageIdentityConfig, PageReading } from '../../core/identity/page-reading';
import { readPageIdentity } from '../../extension/read-page-identity';
import { createLogger } from '../../core/log';
import type { RosterClient } from '../../core/roster-client';

const log = createLogger('content');

/** While the page is visible its storage is looked at this often (SPA sign-ins do not reload). */
const POLL_MS = 5_000;

export interface PageIdentityDeps {
  readonly timers: Timers;
  readonly window: Window;
  /** Where this page keeps its user, as the background says (`null`: nowhere; `undefined`: not heard yet). */
  readonly config: () => PageIdentityConfig | null | undefined;
}

/**
 * Tells the background who this host page says is signed in (its persisted Vuex store, say), when
 * the settings ask for it: at start, whenever the reading changes (another tab signing in fires a
 * `storage` event; this tab's own app is polled while visible), and whenever the background asks
 * (the token changed). A reading that did not change is not sent again.
 */
export function reportPageIdentity(client: RosterClient, deps: PageIdentityDeps, signal: AbortSignal): () => void {
  let sent = '';
  let poll: ReturnType<Timers['setTimeout']> | undefined;

  const report = (force: boolean) => {
    const config = deps.config();
    if (!config || signal.aborted) return;
    let reading: PageReading | null;
    try {
      reading = readPageIdentity(config);
    } catch (error) {
      log.debug('could not read the page identity', error);
      return;
    }
    const key = JSON.stringify(reading);
    if (!reading || (!force && key === sent)) return;
    sent = key;
    client.request({ op: 'reportIdentity', reading }).catch((error: unknown) => {
      // The background is away for a moment: the next change or request sends it again.
      sent = '';
      log.debug('could not report the page identity', error);
    });
  };

  const schedule = () => {
    if (poll !== undefined) deps.timers.clearTimeout(poll);
    poll = undefined;
    if (signal.aborted || deps.window.document.visibilityState !== 'visible') return;
    poll = deps.timers.setTimeout(() => {
      report(false);
      schedule();
    }, POLL_MS);
  };

  const listen = { signal } as const;
  deps.window.addEventListener('storage', () => report(false), listen);
  deps.window.document.addEventListener(
    'visibilitychange',
    () => {
      report(false);
      schedule();
    },
    listen,
  );
  client.subscribe((_, event) => {
    if (event.type === 'state' || event.type === 'readPageIdentity') report(true);
  }, signal);
  signal.addEventListener('abort', () => poll !== undefined && deps.timers.clearTimeout(poll), { once: true });
  schedule();
  report(true);
  // For settings changes: read again with the new key or selector.
  return () => report(true);
}

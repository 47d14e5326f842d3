import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { RosterClient } from '../../core/roster-client';

/** What the content script lends the toasts' script, which the background loads only before a first toast. */
export interface ToastsHost {
  readonly ctx: ContentScriptContext;
  readonly client: RosterClient;
}

/** Where the two meet: the isolated world's global, which this extension's scripts share and the page cannot see. */
const KEY = 'rosterToastsHost';

interface Shelf {
  [KEY]?: { readonly host: ToastsHost; taken: boolean };
}

/** The content script's side; a newer content script in the same frame replaces an older one's. */
export function offerToastsHost(host: ToastsHost): void {
  (globalThis as Shelf)[KEY] = { host, taken: false };
}

/** The toasts' side: the host, once, or `undefined` when there is none or it is already served. */
export function takeToastsHost(): ToastsHost | undefined {
  const offered = (globalThis as Shelf)[KEY];
  if (!offered || offered.taken || !offered.host.ctx.isValid) return undefined;
  offered.taken = true;
  return offered.host;
}

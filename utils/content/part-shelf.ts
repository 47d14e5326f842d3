import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { ContentPart } from '../core/messages/views-background';
import type { RosterClient } from '../core/roster-client';
import type { HoverCard, HoverCardDeps } from './card/hover-card';
import type { CompileProfile } from './tables/active-profiles';
import type { PageIdentityDeps } from './page/page-identity';

/**
 * Parts of the content script that most pages never need come later, loaded by the background
 * into the frame (`loadPart`): each finds here what the content script lends it. The shelf is the
 * isolated world's global, which this extension's scripts in a frame share and the page cannot see.
 */
export interface PartHosts {
  readonly 'call-toasts': { readonly ctx: ContentScriptContext; readonly client: RosterClient };
  readonly 'hover-card': {
    readonly deps: HoverCardDeps;
    readonly signal: AbortSignal;
    started(card: HoverCard): void;
  };
  readonly 'site-profiles': { started(compile: CompileProfile): void };
  readonly 'shadow-styles': { started(css: string): void };
  readonly 'page-identity': {
    readonly client: RosterClient;
    readonly deps: PageIdentityDeps;
    readonly signal: AbortSignal;
    started(reread: () => void): void;
  };
}

const KEY = 'rosterParts';

interface Offer {
  readonly host: PartHosts[ContentPart];
  readonly alive: () => boolean;
  taken: boolean;
}

interface Shelf {
  [KEY]?: Partial<Record<ContentPart, Offer>>;
}

/** The content script's side; a newer content script in the same frame replaces an older one's offer. */
export function offerPart<K extends ContentPart>(name: K, host: PartHosts[K], alive: () => boolean): void {
  const shelf = ((globalThis as Shelf)[KEY] ??= {});
  shelf[name] = { host, alive, taken: false };
}

/** The part's side: its host, once (loading a part twice starts it once), while the content script lives. */
export function takePart<K extends ContentPart>(name: K): PartHosts[K] | undefined {
  const offer = (globalThis as Shelf)[KEY]?.[name];
  if (!offer || offer.taken || !offer.alive()) return undefined;
  offer.taken = true;
  return offer.host as PartHosts[K];
}

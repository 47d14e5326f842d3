import { createLogger } from '../../core/log';
import type { RosterClient } from '../../core/roster-client';
import { offerPart } from '../part-shelf';
import type { PageIdentityDeps } from './page-identity';

const log = createLogger('content');

/**
 * Reading who the host page says is signed in (page-identity.ts) comes in a part, loaded once the
 * settings name a spot to read (`deps.config()`): most sites are never read that way. Call the
 * returned function at start and whenever the settings change.
 */
export function readPageIdentityOnUse(
  client: RosterClient,
  deps: PageIdentityDeps,
  load: () => Promise<unknown>,
  signal: AbortSignal,
): () => void {
  let reread: (() => void) | undefined;
  let asking = false;
  offerPart(
    'page-identity',
    { client, deps, signal, started: (watching) => (reread = watching) },
    () => !signal.aborted,
  );
  return () => {
    if (reread) return reread();
    if (asking || !deps.config()) return;
    asking = true;
    // Settled without the part (refused, or it found an older script's offer): the next change asks again.
    load().then(
      () => (asking = false),
      (error: unknown) => {
        asking = false;
        log.debug('could not load the page identity reader', error);
      },
    );
  };
}

import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { createHoverCard } from '../utils/content/card/hover-card';
import { takePart } from '../utils/content/part-shelf';

// Loaded by the background into a host frame when a person first points at, focuses or presses a
// colleague's mark there (see card-loader.ts), so pages nobody hovers never carry the card.
export default defineUnlistedScript(() => {
  const host = takePart('hover-card');
  if (host) host.started(createHoverCard(host.deps, host.signal));
});

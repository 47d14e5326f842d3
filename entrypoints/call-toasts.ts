import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { mountCallToasts } from '../utils/content/calls/mount-call-toasts';
import { takeToastsHost } from '../utils/content/calls/toasts-host';

// Loaded by the background into a host frame just before its first toast (see `loadToasts` in the
// hub), so no host page carries the toasts until a call rings there. Loading twice mounts once.
export default defineUnlistedScript(() => {
  const host = takeToastsHost();
  if (host) mountCallToasts(host.ctx, host.client);
});

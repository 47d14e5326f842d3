import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { mountCallToasts } from '../utils/content/calls/mount-call-toasts';
import { takePart } from '../utils/content/part-shelf';

// Loaded by the background into a host frame just before its first toast, so no host page carries
// the toasts until a call rings there.
export default defineUnlistedScript(() => {
  const host = takePart('call-toasts');
  if (host) mountCallToasts(host.ctx, host.client);
});

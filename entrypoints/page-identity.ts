import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { reportPageIdentity } from '../utils/content/page/page-identity';
import { takePart } from '../utils/content/part-shelf';

// Loaded by the background into a host frame once the settings name where the page keeps its
// user (see page-identity-loader.ts); it reads at once, then follows the page.
export default defineUnlistedScript(() => {
  const host = takePart('page-identity');
  if (host) host.started(reportPageIdentity(host.client, host.deps, host.signal));
});

import { defineContentScript } from 'wxt/utils/define-content-script';
import { startPresenceMarks } from '../utils/content/content-app';
import { connectHostPage } from '../utils/content/host-client';
import { reportPageIdentity } from '../utils/content/page-identity';
import { pageSettingsOf } from '../utils/content/page-settings';
import { contextTimers } from '../utils/content/host-client';
import { reportFrameShown } from '../utils/content/frame-visibility';
import { announceCalls } from '../utils/incoming/announce-calls';
import { mountCallToasts } from '../utils/incoming/mount-call-toasts';
import { createLogger } from '../utils/log';
import '../utils/content/mark-styles.css';
import '../utils/content/styles.css';

const log = createLogger('content');
const DEFAULT_CALL_EVENT = 'roster:call';

export default defineContentScript({
  // Not in the manifest: the background registers it for the configured sites, once granted.
  registration: 'runtime',
  main(ctx) {
    const client = connectHostPage(ctx);
    const settings = pageSettingsOf(client, ctx.signal);
    startPresenceMarks(ctx, client, settings);
    announceCalls(client, () => settings.current()?.sites.callEventName ?? DEFAULT_CALL_EVENT, ctx.signal);
    const rereadIdentity = reportPageIdentity(client, { timers: contextTimers(ctx), window, config: () => settings.current()?.identity }, ctx.signal);
    settings.subscribe(rereadIdentity, ctx.signal);
    reportFrameShown(client, window, ctx.signal);
    mountCallToasts(ctx, client).catch((error: unknown) => log.error('call toasts failed to start', error));
  },
});

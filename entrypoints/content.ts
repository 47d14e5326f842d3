import { defineContentScript } from 'wxt/utils/define-content-script';
import { startPresenceMarks } from '../utils/content/content-app';
import { connectHostPage, contextTimers } from '../utils/content/host-client';
import { reportFrameShown } from '../utils/content/frame-visibility';
import { reportPageIdentity } from '../utils/content/page-identity';
import { pageSettingsOf } from '../utils/content/page-settings';
import { startEach } from '../utils/content/start-each';
import { announceCalls } from '../utils/incoming/announce-calls';
import { mountCallToasts } from '../utils/incoming/mount-call-toasts';
import '../utils/content/mark-styles.css';
import '../utils/content/styles.css';

const DEFAULT_CALL_EVENT = 'roster:call';

export default defineContentScript({
  // Not in the manifest: the background registers it for the configured sites, once granted.
  registration: 'runtime',
  main(ctx) {
    const client = connectHostPage(ctx);
    const settings = pageSettingsOf(client, ctx.signal);
    startEach({
      'presence marks': () => startPresenceMarks(ctx, client, settings),
      'the host event': () => announceCalls(client, () => settings.current()?.sites.callEventName ?? DEFAULT_CALL_EVENT, ctx.signal),
      'reading who is signed in': () => {
        const reread = reportPageIdentity(client, { timers: contextTimers(ctx), window, config: () => settings.current()?.identity }, ctx.signal);
        settings.subscribe(reread, ctx.signal);
      },
      'frame visibility': () => reportFrameShown(client, window, ctx.signal),
      'call toasts': () => mountCallToasts(ctx, client),
    });
  },
});

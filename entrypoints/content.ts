import { defineContentScript } from 'wxt/utils/define-content-script';
import { startPresenceMarks } from '../utils/content/content-app';
import { connectHostPage, contextTimers } from '../utils/content/page/host-client';
import { reportFrameShown } from '../utils/content/page/frame-visibility';
import { reportPageIdentity } from '../utils/content/page/page-identity';
import { pageSettingsOf } from '../utils/content/page/page-settings';
import { startEach } from '../utils/content/start-each';
import { announceCalls } from '../utils/content/calls/announce-calls';
import { offerPart } from '../utils/content/part-shelf';
import '../utils/content/marks/mark-styles.css';

const DEFAULT_CALL_EVENT = 'roster:call';

export default defineContentScript({
  // Not in the manifest: the background registers it for the configured sites, once granted.
  registration: 'runtime',
  main(ctx) {
    const client = connectHostPage(ctx);
    const settings = pageSettingsOf(client, ctx.signal);
    startEach({
      'presence marks': () => startPresenceMarks(ctx, client, settings),
      'the host event': () =>
        announceCalls(client, () => settings.current()?.sites.callEventName ?? DEFAULT_CALL_EVENT, ctx.signal),
      'reading who is signed in': () => {
        const reread = reportPageIdentity(
          client,
          { timers: contextTimers(ctx), window, config: () => settings.current()?.identity },
          ctx.signal,
        );
        settings.subscribe(reread, ctx.signal);
      },
      'frame visibility': () => reportFrameShown(client, window, ctx.signal),
      'call toasts': () => offerPart('call-toasts', { ctx, client }, () => ctx.isValid),
    });
  },
});

import { defineContentScript } from 'wxt/utils/define-content-script';
import { startPresenceMarks } from '../utils/content/content-app';
import { connectHostPage, contextTimers } from '../utils/content/page/host-client';
import { reportFrameShown } from '../utils/content/page/frame-visibility';
import { readPageIdentityOnUse } from '../utils/content/page/page-identity-loader';
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
        const read = readPageIdentityOnUse(
          client,
          { timers: contextTimers(ctx), window, config: () => settings.current()?.identity },
          () => client.request({ op: 'loadPart', part: 'page-identity' }),
          ctx.signal,
        );
        settings.subscribe(read, ctx.signal);
        read();
      },
      'frame visibility': () => reportFrameShown(client, window, ctx.signal),
      'call toasts': () => offerPart('call-toasts', { ctx, client }, () => ctx.isValid),
    });
  },
});

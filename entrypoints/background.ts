import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { browserDeps, startRoster } from '../utils/background/start';
import { keepAlive } from '../utils/background/keepalive';
import { serveViews } from '../utils/messaging/hub';

export default defineBackground(() => {
  const ready = startRoster(browserDeps(), new AbortController().signal);
  // Listeners are added in the first turn so the events that wake a stopped worker reach them.
  browser.runtime.onConnect.addListener(
    serveViews(ready, { extensionId: browser.runtime.id, extensionOrigin: browser.runtime.getURL('/') }),
  );
  keepAlive(() => undefined);
});

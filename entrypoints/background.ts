import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { handleNotificationActions } from '../utils/background/call-notifications';
import { keepAlive } from '../utils/background/keepalive';
import { browserDeps, startRoster } from '../utils/background/start';
import { serveViews } from '../utils/messaging/hub';
import { HostTabs } from '../utils/messaging/host-tabs';

export default defineBackground(() => {
  const hostTabs = new HostTabs();
  const ready = startRoster(browserDeps(hostTabs), new AbortController().signal);
  // Listeners are added in the first turn so the events that wake a stopped worker reach them.
  browser.runtime.onConnect.addListener(
    serveViews(ready, { extensionId: browser.runtime.id, extensionOrigin: browser.runtime.getURL('/') }, hostTabs),
  );
  handleNotificationActions(ready);
  const recheck = () => void ready.then((service) => service.permissionsChanged());
  browser.permissions.onAdded.addListener(recheck);
  browser.permissions.onRemoved.addListener(recheck);
  keepAlive(() => undefined);
});

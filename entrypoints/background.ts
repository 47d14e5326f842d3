import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { handleNotificationActions } from '../utils/background/calls/call-notifications';
import {
  browserScriptingHost,
  ContentScriptSync,
  resyncOnSiteEvents,
} from '../utils/background/browser/content-scripts';
import { browserCallPages } from '../utils/background/browser/call-pages';
import { loadContentPart } from '../utils/background/browser/content-parts';
import { openOptionsOnFirstInstall } from '../utils/background/browser/first-run';
import { keepAlive } from '../utils/background/browser/keepalive';
import { readPagesInTabs } from '../utils/background/identity/page-identity-reader';
import { serveProbes } from '../utils/background/probes/probes';
import { browserDeps, startRoster } from '../utils/background/start';
import { createLogger } from '../utils/core/log';
import { serveViews } from '../utils/background/ports/hub';
import { keepStorageFromContentScripts } from '../utils/extension/protected-item';
import { HostTabs } from '../utils/background/ports/host-tabs';
import { ActiveTabs } from '../utils/background/ports/active-tabs';
import { followActiveTabs } from '../utils/background/browser/follow-active-tabs';

const log = createLogger('background');

export default defineBackground(() => {
  keepStorageFromContentScripts().catch((error: unknown) =>
    log.error('could not close storage to content scripts', error),
  );
  const hostTabs = new HostTabs();
  const activeTabs = new ActiveTabs();
  followActiveTabs(activeTabs);
  const contentScripts = new ContentScriptSync(browserScriptingHost());
  resyncOnSiteEvents(contentScripts);
  const deps = browserDeps(hostTabs);
  const ready = startRoster(deps, hostTabs, new AbortController().signal, (settings) =>
    contentScripts.configure(settings),
  );
  const self = { extensionId: browser.runtime.id, extensionOrigin: browser.runtime.getURL('/') };
  const pages = browserCallPages();
  // Listeners are added in the first turn so the events that wake a stopped worker reach them.
  browser.runtime.onConnect.addListener(
    serveViews(ready, { ...self, loadPart: loadContentPart, pages, activeTabs, timers: deps.timers }, hostTabs),
  );
  browser.runtime.onConnect.addListener(
    serveProbes(
      {
        ...deps,
        readPages: readPagesInTabs(() => hostTabs.ids()),
        learnedNow: () => ready.then((service) => service.state().identity.sources.learned),
      },
      self,
    ),
  );
  openOptionsOnFirstInstall();
  handleNotificationActions(ready, pages);
  const recheck = () => void ready.then((service) => service.permissionsChanged());
  browser.permissions.onAdded.addListener(recheck);
  browser.permissions.onRemoved.addListener(recheck);
  keepAlive();
});

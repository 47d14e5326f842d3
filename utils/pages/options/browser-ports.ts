import * as v from 'valibot';
import { browser } from 'wxt/browser';
import { browserShortcut } from '../browser-shortcut';
import { createLogger } from '../../core/log';
import { probesOverPorts } from './probe-client';
import { followEditableSettings, saveSettings } from '../../extension/settings-storage';
import { frameAddress } from '../../extension/frame-address';
import type { OptionsPorts } from './ports';
import { TEST_CSS, TESTER_PORT, TESTER_SCRIPT, TesterReplySchema } from '../../core/messages/options-tester';
import type { TabInfo } from './tester-tabs';

const log = createLogger('options');

function onEvents(
  events: readonly { addListener(listener: () => void): void; removeListener(listener: () => void): void }[],
  listener: () => void,
  signal: AbortSignal,
): void {
  const call = () => listener();
  for (const event of events) event.addListener(call);
  signal.addEventListener('abort', () => events.forEach((event) => event.removeListener(call)), { once: true });
}

/** The options page's real outside world. */
export function browserOptionsPorts(): OptionsPorts {
  return {
    settings: { follow: followEditableSettings, save: saveSettings },
    permissions: {
      granted: async () => (await browser.permissions.getAll()).origins ?? [],
      onChange: (listener, signal) =>
        onEvents([browser.permissions.onAdded, browser.permissions.onRemoved], listener, signal),
      // No `async` and nothing before the call: the prompt needs the click's user gesture.
      request: (origins) =>
        browser.permissions.request({ origins: [...origins] }).catch((error: unknown) => {
          // E.g. an origin the manifest does not list as optional (the demo build asks for localhost only).
          log.warn('the browser refused to ask for access', error);
          return false;
        }),
    },
    probes: probesOverPorts((name) => browser.runtime.connect({ name })),
    tester: {
      tabs: async () =>
        (await browser.tabs.query({})).flatMap((tab): TabInfo[] =>
          tab.id === undefined || !tab.url
            ? []
            : [{ id: tab.id, windowId: tab.windowId, title: tab.title ?? tab.url, url: tab.url, active: tab.active }],
        ),
      onTabsChange: (listener, signal) =>
        onEvents([browser.tabs.onUpdated, browser.tabs.onRemoved, browser.tabs.onCreated], listener, signal),
      async start(tabId, onReply, signal) {
        // Every frame the browser lets Roster script, with the address Roster would judge it by.
        const found = await browser.scripting.executeScript({ target: { tabId, allFrames: true }, func: frameAddress });
        const frameIds = [
          ...new Set(
            found.flatMap((frame) =>
              typeof frame.result === 'string' && /^https?:/i.test(frame.result) ? [frame.frameId] : [],
            ),
          ),
        ];
        if (frameIds.length === 0) throw new Error('no web page in this tab that Roster may read');
        const target = { tabId, frameIds: frameIds.sort((a, b) => a - b) };
        await browser.scripting.insertCSS({ target, css: TEST_CSS });
        await browser.scripting.executeScript({ target, files: [TESTER_SCRIPT] });
        const ports = target.frameIds.map((frameId) => {
          const port = browser.tabs.connect(tabId, { name: TESTER_PORT, frameId });
          port.onMessage.addListener((message: unknown) => {
            const reply = v.safeParse(TesterReplySchema, message);
            if (reply.success) onReply(reply.output, frameId);
          });
          return port;
        });
        signal.addEventListener(
          'abort',
          () => {
            for (const port of ports) port.disconnect();
            browser.scripting
              .removeCSS({ target, css: TEST_CSS })
              .catch((error: unknown) => log.debug('the tab went away', error));
          },
          { once: true },
        );
        return (profile) => {
          for (const port of ports) port.postMessage({ type: 'test', profile });
        };
      },
      async show(tab) {
        await browser.tabs.update(tab.id, { active: true });
        await browser.windows.update(tab.windowId, { focused: true });
      },
    },
    shortcut: browserShortcut(),
    playRing(volume) {
      const audio = new Audio(browser.runtime.getURL('/ring.wav'));
      audio.volume = volume;
      audio.play().catch((error: unknown) => log.warn('could not play the ring', error));
    },
    download(name, text) {
      const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
      const link = document.createElement('a');
      link.href = url;
      link.download = name;
      link.click();
      // The download has started by the next turn; the object URL only holds memory after that.
      setTimeout(() => URL.revokeObjectURL(url), 0);
    },
    extension: { id: browser.runtime.id, browser: import.meta.env.FIREFOX ? 'firefox' : 'chrome' },
  };
}

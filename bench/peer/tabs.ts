/**
 * The admin system's tabs: the recipe's page, R rows each. Every tab keeps a CDP session that
 * counts the WebSocket bytes its page receives (the recipe's sockets live in the pages).
 */
import type { CDPSession, Page } from 'playwright-core';
import type { ExtensionBrowser } from '../../tests/e2e/helpers/chromium';
import type { Expectation, PeerPageWindow, PeerView } from './recipe-page';

export interface HostTab {
  readonly page: Page;
  readonly cdp: CDPSession;
  /** WebSocket payload bytes received since the last `takeBytes`. */
  takeBytes(): number;
}

/** Opens `count` more tabs of the page, two at a time (two cores: more would only queue). */
export async function openTabs(
  browser: ExtensionBrowser,
  url: string,
  count: number,
  concurrency = 2,
): Promise<HostTab[]> {
  const tabs: HostTab[] = [];
  let next = 0;
  const worker = async () => {
    while (next < count) {
      next++;
      tabs.push(await openTab(browser, url));
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
  return tabs;
}

async function openTab(browser: ExtensionBrowser, url: string): Promise<HostTab> {
  const page = await browser.context.newPage();
  const cdp = await browser.context.newCDPSession(page);
  let bytes = 0;
  cdp.on('Network.webSocketFrameReceived', (event) => (bytes += Buffer.byteLength(event.response.payloadData)));
  await cdp.send('Network.enable');
  // 10,000 rows take Vue and Element more than a minute to mount on two cores.
  await page.goto(url, { waitUntil: 'commit', timeout: 0 });
  await page.waitForFunction(() => 'peerBench' in window, undefined, { timeout: 0 });
  await page.evaluate(() => (window as unknown as PeerPageWindow).peerBench.ready);
  return {
    page,
    cdp,
    takeBytes() {
      const taken = bytes;
      bytes = 0;
      return taken;
    },
  };
}

export async function closeTabs(tabs: readonly HostTab[]): Promise<void> {
  for (const tab of tabs) {
    await tab.cdp.detach().catch(() => undefined);
    await tab.page.close();
  }
}

/** Leaves a trace stamp on each tab's main thread (`console.timeStamp`: a `TimeStamp` event). */
export async function stamp(tabs: readonly HostTab[], label: (index: number) => string): Promise<void> {
  await Promise.all(tabs.map((tab, index) => tab.page.evaluate((name) => console.timeStamp(name), label(index))));
}

/** Arms every tab to note when its DOM shows `expected`, then stamps the start of the window. */
export async function arm(
  tabs: readonly HostTab[],
  view: PeerView,
  expected: readonly Expectation[],
  label: (index: number) => string,
): Promise<void> {
  await Promise.all(
    tabs.map((tab, index) =>
      tab.page.evaluate(
        ({ view, expected, name }) => {
          (window as unknown as PeerPageWindow).peerBench.arm(view, expected);
          console.timeStamp(name);
        },
        { view, expected, name: label(index) },
      ),
    ),
  );
}

/** The epoch times (ms) at which each tab's DOM showed what it was armed for. */
export function doneTimes(tabs: readonly HostTab[]): Promise<number[]> {
  return Promise.all(tabs.map((tab) => tab.page.evaluate(() => (window as unknown as PeerPageWindow).peerBench.done)));
}

export function stateOf(tab: HostTab, view: PeerView, userId: string): Promise<'online' | 'offline' | 'other'> {
  return tab.page.evaluate(
    ({ view, userId }) => (window as unknown as PeerPageWindow).peerBench.stateOf(view, userId),
    { view, userId },
  );
}

/** The recipe's sockets off for good (the recipe itself has no way: its `onclose` reconnects). */
export async function stopSockets(tabs: readonly HostTab[]): Promise<void> {
  await Promise.all(
    tabs.map((tab) => tab.page.evaluate(() => (window as unknown as PeerPageWindow).peerBench.stopSocket())),
  );
}

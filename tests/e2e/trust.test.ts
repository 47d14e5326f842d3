import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { startServer, type RosterServer } from '../../dev/server/index';
import { closeAllClients } from '../integration/helpers/ws-client';
import { clickToastButton, toastTexts } from './helpers/call-toasts';
import { launchWithExtension, type ExtensionBrowser } from './helpers/chromium';
import { Colleagues } from './helpers/colleagues';
import { configureExtension } from './helpers/roster-page';

/**
 * The trust model, tried for real: a host page's own scripts are untrusted (they can see and
 * script the DOM), and a content script is only semi-trusted (it shares the host page's renderer).
 */
let server: RosterServer;
let browser: ExtensionBrowser;
let colleagues: Colleagues;
let tab: Page;

const callsFromMe = () => server.received.filter((frame) => frame.userId === '1' && frame.text.includes('"Event"'));
const ringingInLog = () =>
  browser.worker.evaluate(async () => {
    const log = (await chrome.storage.local.get('calls-v1'))['calls-v1'] as { records: { kind: string; status: string }[] } | undefined;
    return (log?.records ?? []).filter((record) => record.kind === 'incoming' && record.status === 'ringing').length;
  });

beforeAll(async () => {
  server = await startServer({ port: 0 });
  colleagues = new Colleagues(server);
  await colleagues.join('2');
  browser = await launchWithExtension();
  await configureExtension(browser, server.httpUrl, server.wsUrl);
  tab = await browser.context.newPage();
  await tab.goto(`${server.httpUrl}/login?userId=1`);
  await server.waitFor(() => server.connectionCount('1') === 1, 15_000);
  await tab.waitForSelector('roster-mark[data-roster-state="online"]', { timeout: 15_000 });
  await tab.bringToFront();
});

afterAll(async () => {
  closeAllClients();
  await browser.close();
  await server.close();
});

describe('a host page’s scripts cannot press Roster’s buttons', () => {
  test('the toast: its root is closed, and clicks the page makes ring nobody and dismiss nothing', async () => {
    colleagues.get('2')?.send(JSON.stringify({ Sender: '2', Receiver: '1', SendTime: '', Message: { Event: 'Call', Data: { sender: '李四', type: '呼叫', receiver: '章三' } }, Type: 'Event' }));
    await expect.poll(() => toastTexts(tab), { timeout: 10_000 }).toEqual([expect.stringContaining('李四')]);

    const tried = await tab.evaluate(() => {
      const host = document.querySelector('roster-call-toasts');
      const seen = { host: host !== null, shadowRoot: host?.shadowRoot ?? null, buttons: 0 };
      // Everything a page script can reach: the host element, and every button in the light DOM and open roots.
      for (const type of ['pointerdown', 'mousedown', 'mouseup', 'click']) host?.dispatchEvent(new MouseEvent(type, { bubbles: true, composed: true }));
      host?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
      for (const button of document.querySelectorAll('roster-call-toasts button')) {
        seen.buttons++;
        (button as HTMLButtonElement).click();
      }
      return seen;
    });
    expect(tried).toEqual({ host: true, shadowRoot: null, buttons: 0 });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await toastTexts(tab)).toHaveLength(1);
    expect(await ringingInLog()).toBe(1);
    expect(callsFromMe()).toEqual([]);

    // A person's click still works.
    await clickToastButton(tab, 'Dismiss');
    await expect.poll(() => toastTexts(tab)).toEqual([]);
    await expect.poll(ringingInLog).toBe(0);
  });

  test('the hover card: synthetic hover, focus and Enter do not open or arm it, and a scripted click on Call rings nobody', async () => {
    const mark = tab.locator('roster-mark[data-roster-state="online"]').first();
    const armed = await mark.evaluate(async (element) => {
      for (const event of [
        new PointerEvent('pointerover', { bubbles: true }),
        new FocusEvent('focusin', { bubbles: true }),
        new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }),
        new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true, cancelable: true }),
      ]) element.dispatchEvent(event);
      await new Promise((resolve) => setTimeout(resolve, 600));
      const card = document.querySelector('roster-card');
      return { open: card !== null && !(card as HTMLElement).hidden, callFocused: document.activeElement?.closest('roster-card') != null };
    });
    expect(armed).toEqual({ open: false, callFocused: false });

    // A person hovers; the page's script then clicks Call.
    await mark.hover();
    await tab.waitForSelector('roster-card:not([hidden])', { timeout: 5_000 });
    await tab.evaluate(() => {
      const call = document.querySelector<HTMLButtonElement>('roster-card button');
      call?.click();
      call?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(callsFromMe()).toEqual([]);
    await tab.mouse.move(0, 0);
  });
});

describe('a content script cannot reach Roster’s storage', () => {
  test('reading or writing the settings, the call log or the mirror is refused, and nothing changes', async () => {
    const before = await browser.worker.evaluate(async () => JSON.stringify(await chrome.storage.local.get('settings')));
    const tabId = await browser.worker.evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id);
    expect(tabId).toBeDefined();
    const tried = await browser.worker.evaluate(async (id) => {
      // The same world Roster's content script runs in, on the same page.
      const [result] = await chrome.scripting.executeScript({
        target: { tabId: id! },
        func: async () => {
          const attempt = async (what: () => Promise<unknown>) => {
            try {
              return `done: ${JSON.stringify(await what())}`;
            } catch (error) {
              return `refused: ${String(error)}`;
            }
          };
          return {
            readLocal: await attempt(() => chrome.storage.local.get(null)),
            writeServer: await attempt(() => chrome.storage.local.set({ settings: { serverUrl: 'ws://127.0.0.1:1/steal' } })),
            switchOnDnd: await attempt(() => chrome.storage.local.set({ settings: { notifications: { doNotDisturb: true } } })),
            readSession: await attempt(() => chrome.storage.session.get(null)),
          };
        },
      });
      return result?.result;
    }, tabId);
    expect(tried).toEqual({
      readLocal: expect.stringMatching(/^refused: .*not allowed/),
      writeServer: expect.stringMatching(/^refused: .*not allowed/),
      switchOnDnd: expect.stringMatching(/^refused: .*not allowed/),
      readSession: expect.stringMatching(/^refused: .*not allowed/),
    });
    expect(await browser.worker.evaluate(async () => JSON.stringify(await chrome.storage.local.get('settings')))).toBe(before);
    // The content script still has what it needs, over its port: the marks are live.
    expect(await tab.locator('roster-mark').count()).toBeGreaterThan(0);
  });
});

import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { clickToastButton, toastTexts } from './helpers/call-toasts';
import { ChromiumWorld } from './helpers/chromium-world';

/**
 * The trust model, tried for real: a host page's own scripts are untrusted (they can see and
 * script the DOM), and a content script is only semi-trusted (it shares the host page's renderer).
 */
const world = new ChromiumWorld();
/** The test's own host tab, in front, its marks drawn. */
let tab: Page;

const callsFromMe = () =>
  world.server.received.filter((frame) => frame.userId === '1' && frame.text.includes('"Event"'));
const ringingInLog = () =>
  world.browser.worker.evaluate(async () => {
    const log = (await chrome.storage.local.get('calls-v1'))['calls-v1'] as
      { records: { kind: string; status: string }[] } | undefined;
    return (log?.records ?? []).filter((record) => record.kind === 'incoming' && record.status === 'ringing').length;
  });

beforeAll(() => world.start());

// Signed in, 李四 online, and a new host tab in front showing him online.
beforeEach(async () => {
  await world.reset('2');
  tab = await world.openHostTab();
  await tab.waitForSelector('roster-mark[data-roster-state="online"]', { timeout: 15_000 });
  await tab.bringToFront();
});

afterAll(() => world.stop());

describe('a host page’s scripts cannot press Roster’s buttons', () => {
  test('the toast: its root is closed, and clicks the page makes ring nobody and dismiss nothing', async () => {
    world.colleagues.get('2').send(
      JSON.stringify({
        Sender: '2',
        Receiver: '1',
        SendTime: '',
        Message: { Event: 'Call', Data: { sender: '李四', type: '呼叫', receiver: '章三' } },
        Type: 'Event',
      }),
    );
    await expect.poll(() => toastTexts(tab), { timeout: 10_000 }).toEqual([expect.stringContaining('李四')]);

    const tried = await tab.evaluate(() => {
      const host = document.querySelector('roster-call-toasts');
      const seen = { host: host !== null, shadowRoot: host?.shadowRoot ?? null, buttons: 0 };
      // Everything a page script can reach: the host element, and every button in the light DOM and open roots.
      for (const type of ['pointerdown', 'mousedown', 'mouseup', 'click'])
        host?.dispatchEvent(new MouseEvent(type, { bubbles: true, composed: true }));
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
      ])
        element.dispatchEvent(event);
      await new Promise((resolve) => setTimeout(resolve, 600));
      const card = document.querySelector('roster-card');
      return {
        open: card !== null && !(card as HTMLElement).hidden,
        callFocused: document.activeElement?.closest('roster-card') != null,
      };
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
    const before = await world.browser.worker.evaluate(async () =>
      JSON.stringify(await chrome.storage.local.get('settings')),
    );
    const tabId = await world.browser.worker.evaluate(
      async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id,
    );
    expect(tabId).toBeDefined();
    const tried = await world.browser.worker.evaluate(async (id) => {
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
            writeServer: await attempt(() =>
              chrome.storage.local.set({ settings: { serverUrl: 'ws://127.0.0.1:1/steal' } }),
            ),
            switchOnDnd: await attempt(() =>
              chrome.storage.local.set({ settings: { notifications: { doNotDisturb: true } } }),
            ),
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
    expect(
      await world.browser.worker.evaluate(async () => JSON.stringify(await chrome.storage.local.get('settings'))),
    ).toBe(before);
    // The content script still has what it needs, over its port: the marks are live.
    expect(await tab.locator('roster-mark').count()).toBeGreaterThan(0);
  });
});

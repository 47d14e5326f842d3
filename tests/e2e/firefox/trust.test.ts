import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { FirefoxWorld, SOON } from '../helpers/firefox-world';

/** The trust model in real Firefox: host page scripts are untrusted, content scripts semi-trusted. */
const world = new FirefoxWorld();
let tab: Page;

const callsFromMe = () =>
  world.server.received.filter((frame) => frame.userId === '1' && frame.text.includes('"Event"'));

beforeAll(async () => {
  await world.start({ settings: { notifications: {} } });
  await world.colleagues.join('2');
  tab = await world.signIn();
  await world.marksSettle(tab);
  await tab.bringToFront();
});

afterAll(() => world.stop());

describe('in real Firefox', () => {
  test('a host page’s scripts cannot reach into the toast or press its buttons', async () => {
    world.colleagues.call('2');
    await expect
      .poll(() => world.toastTexts(tab), { timeout: 10_000 })
      .toEqual([expect.stringContaining('李四 is calling')]);
    const tried = await tab.evaluate(() => {
      const host = document.querySelector('roster-call-toasts');
      for (const type of ['mousedown', 'mouseup', 'click'])
        host?.dispatchEvent(new MouseEvent(type, { bubbles: true, composed: true }));
      host?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
      return { host: host !== null, shadowRoot: host?.shadowRoot ?? null };
    });
    expect(tried).toEqual({ host: true, shadowRoot: null });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await world.toastTexts(tab)).toHaveLength(1);
    expect(callsFromMe()).toEqual([]);
    await world.clickToastButton(tab, 'Dismiss');
    await expect.poll(() => world.toastTexts(tab), { timeout: SOON }).toEqual([]);
  });

  test('a content script finds none of Roster’s data in storage, and writing there changes nothing', async () => {
    const seen = await world.inContentWorld<{ local: string; session: string; idb: string }>(
      tab,
      `(async () => {
        const attempt = async (what) => { try { return 'done: ' + JSON.stringify(await what()); } catch (error) { return 'refused: ' + String(error); } };
        const local = await attempt(() => browser.storage.local.get(null));
        await browser.storage.local.set({ settings: { serverUrl: 'ws://127.0.0.1:1/steal', notifications: { doNotDisturb: true } } });
        const session = await attempt(() => browser.storage.session.get(null));
        const idb = await attempt(() => new Promise((resolve, reject) => {
          const open = indexedDB.open('roster');
          open.onsuccess = () => resolve(open.result.objectStoreNames.contains('items') ? 'Roster items' : 'the page’s own, empty');
          open.onerror = () => reject(open.error);
        }));
        return { local, session, idb };
      })()`,
    );
    expect(seen.local).not.toMatch(/serverUrl|calls-v1|identity-learned|records/);
    expect(seen.session).not.toMatch(/roster-mirror|presence/);
    expect(seen.idb).not.toContain('Roster items');
    // Roster did not follow what the content script wrote: still connected to the real server.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(world.server.connectionCount('1')).toBe(1);
    await world.extension.evaluate(async () => {
      // Clean up what the content script left in storage.local (Roster never reads it on Firefox).
      await (
        globalThis as unknown as { browser: { storage: { local: { clear(): Promise<void> } } } }
      ).browser.storage.local.clear();
    });
  });
});

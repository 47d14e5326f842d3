import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { FirefoxWorld, heardCalls, listenForCallEvents, popupNames, SOON } from '../helpers/firefox-world';
import type { ExtensionGlobal } from '../helpers/firefox';

/**
 * The host shape of the original recipe, in real Firefox: opaque session tokens (no JWT claims),
 * numeric ids, and who I am answered by the host's "who am I" address, given as a path.
 */
const world = new FirefoxWorld();
let hostTabs: Page[];
let active: Page;

beforeAll(async () => {
  await world.start({
    prefs: { 'alerts.useSystemBackend': false },
    server: { tokens: 'opaque', idType: 'number' },
    settings: { notifications: {}, identity: { url: '/api/me', pageKey: '' } },
  });
  await world.colleagues.join('2', '3');
  hostTabs = [await world.signIn(), await world.openHostTab(), await world.openHostTab()];
  for (const tab of hostTabs) {
    await listenForCallEvents(tab);
    await world.marksSettle(tab);
  }
  active = hostTabs[1]!;
  await active.bringToFront();
});

afterAll(() => world.stop());

describe('opaque tokens and numeric ids in real Firefox, me from the "who am I" address', () => {
  test('Roster knows who I am and never lists me among the colleagues', async () => {
    const me = await world.extension.evaluate(async () => {
      const mirror = (await (globalThis as ExtensionGlobal).browser.storage.session.get('roster-mirror-v1'))[
        'roster-mirror-v1'
      ] as { me?: unknown } | undefined;
      return mirror?.me;
    });
    expect(me).toEqual({ id: '1', name: '章三', source: 'url' });
    const popup = await world.openPopup();
    await expect
      .poll(() => popup.$eval('.me__name', (element) => element.textContent), { timeout: 10_000 })
      .toContain('章三');
    await expect.poll(() => popupNames(popup), { timeout: SOON }).toEqual(['李四', '王五']);
    await popup.close();
  });

  test('an incoming call: one notification, one toast in the active tab, the host event in every tab', async () => {
    // The popup had a tab of its own in the test before: the host tab is the active one again.
    await active.bringToFront();
    world.colleagues.call('2');
    await expect
      .poll(() => world.toastTexts(active), { timeout: 10_000 })
      .toEqual([expect.stringContaining('李四 is calling')]);
    for (const tab of hostTabs)
      await expect.poll(async () => (await heardCalls(tab)).length, { timeout: SOON }).toBe(1);
    expect(await world.toastTexts(hostTabs[0]!)).toEqual([]);
    expect(await world.toastTexts(hostTabs[2]!)).toEqual([]);
    await expect.poll(async () => Object.keys(await world.notifications()), { timeout: SOON }).toHaveLength(1);
  });

  test('a call from the popup carries my id as a number, which the strict server delivers', async () => {
    const popup = await world.openPopup();
    await expect.poll(() => popupNames(popup), { timeout: 10_000 }).toContain('王五');
    await popup.click('button[aria-label="Call 王五"]');
    expect(await world.colleagues.nextCall('3', 10_000)).toMatchObject({ Sender: 1, Receiver: 3 });
    await popup.close();
  });
});

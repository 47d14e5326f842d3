import { resolve } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { killServiceWorker } from './helpers/chromium';
import { ChromiumWorld } from './helpers/chromium-world';
import { clickToastButton, imagesInToasts, moreText, toastTexts } from './helpers/call-toasts';
import { openPopup } from './helpers/roster-page';

const HOSTILE = '13';
/** A different caller per test: alerts are limited to one per caller per 10 s. */
const CALLERS = ['2', '3', HOSTILE];

const world = new ChromiumWorld();
/** The test's own 3 host tabs; the last one is in front. */
let hostTabs: Page[];

beforeAll(() => world.start());

afterAll(() => world.stop());

function ring(from: string, sendTime = ''): void {
  world.colleagues.get(from).send(
    JSON.stringify({
      Sender: from,
      Receiver: '1',
      SendTime: sendTime,
      Message: { Event: 'Call', Data: { sender: '', type: '呼叫', receiver: '' } },
      Type: 'Event',
    }),
  );
}

const notifications = () => world.browser.worker.evaluate(() => chrome.notifications.getAll());
const badge = () => world.browser.worker.evaluate(() => chrome.action.getBadgeText({}));
const unseenCalls = () =>
  world.browser.worker.evaluate(
    async () =>
      ((await chrome.storage.local.get('calls-v1'))['calls-v1'] as { unseen: number } | undefined)?.unseen ?? 0,
  );
const heard = (tab: Page) => tab.evaluate(() => (window as unknown as { heardCalls: unknown[] }).heardCalls.length);

/**
 * Each test starts from the same place, whatever ran before: signed in, Do Not Disturb off, no
 * notification, no unseen call, and 3 new host tabs whose content scripts are connected.
 */
async function reset(): Promise<void> {
  await world.reset(...CALLERS);
  await world.browser.worker.evaluate(async () => {
    for (const id of Object.keys(await chrome.notifications.getAll())) await chrome.notifications.clear(id);
  });
  if ((await badge()) !== '') {
    // Opening the popup marks the calls seen.
    const popup = await openPopup(world.browser);
    await expect.poll(badge, { timeout: 10_000 }).toBe('');
    await popup.close();
  }
  hostTabs = [];
  for (let index = 0; index < 3; index++) {
    const tab = await world.openHostTab();
    // The host app's own code: it listens for Roster's event as it did for its bus event.
    await tab.evaluate(() => {
      const heard: unknown[] = [];
      Object.assign(window, { heardCalls: heard });
      window.addEventListener('roster:call', (event) => heard.push((event as CustomEvent).detail));
    });
    hostTabs.push(tab);
  }
  // Content scripts are connected in every tab (their marks are drawn) before any call is made.
  for (const tab of hostTabs) await tab.waitForSelector('[class*="roster"]', { timeout: 15_000 });
  await hostTabs[2]?.bringToFront();
}

describe('an incoming call with 3 host tabs open', () => {
  beforeEach(reset);

  test('one notification, one toast in the active tab only, the host event in every tab, badge 1, in the history', async () => {
    ring('2');
    await expect.poll(async () => Object.keys(await notifications()), { timeout: 10_000 }).toHaveLength(1);
    await expect.poll(() => toastTexts(hostTabs[2]).then((texts) => texts.length)).toBe(1);
    await expect(toastTexts(hostTabs[2]).then((texts) => texts[0])).resolves.toContain('李四');
    expect(await toastTexts(hostTabs[0]).then((texts) => texts.length)).toBe(0);
    expect(await toastTexts(hostTabs[1]).then((texts) => texts.length)).toBe(0);
    for (const tab of hostTabs) await expect.poll(() => heard(tab)).toBe(1);
    const detail = await hostTabs[0]?.evaluate(() => (window as unknown as { heardCalls: unknown[] }).heardCalls[0]);
    expect(detail).toMatchObject({
      callerId: '2',
      callerName: '李四',
      time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
    expect(await badge()).toBe('1');
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(Object.keys(await notifications())).toHaveLength(1);

    const popup = await openPopup(world.browser);
    await expect.poll(() => popup.locator('body').textContent(), { timeout: 10_000 }).toContain('李四');
    await expect.poll(badge).toBe('');
    await popup.close();

    await clickToastButton(hostTabs[2], 'Dismiss');
    await expect.poll(() => toastTexts(hostTabs[2]).then((texts) => texts.length)).toBe(0);
  });

  test('a hostile caller name is literal text and runs nothing', async () => {
    let dialogs = 0;
    for (const tab of hostTabs) tab.on('dialog', (dialog) => void dialog.dismiss().then(() => dialogs++));
    ring(HOSTILE);
    await expect.poll(() => toastTexts(hostTabs[2]).then((texts) => texts.length), { timeout: 10_000 }).toBe(1);
    await expect(toastTexts(hostTabs[2]).then((texts) => texts[0])).resolves.toContain('<img src=x onerror=alert(1)>');
    expect(await imagesInToasts(hostTabs[2]!)).toBe(0);
    const notification = Object.values(await notifications())[0];
    expect(notification).toBeDefined();
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(dialogs).toBe(0);
    await clickToastButton(hostTabs[2], 'Dismiss');
  });

  test('Do Not Disturb: no notification or toast; the history has it as missed', async () => {
    const popup = await openPopup(world.browser);
    await popup.getByRole('checkbox', { name: /Do not disturb/i }).check();
    await expect
      .poll(() => world.browser.worker.evaluate(async () => (await chrome.storage.local.get('settings')).settings))
      .toMatchObject({ notifications: { doNotDisturb: true } });
    ring('3', '2026-11-25T09:30:00.0000000+08:00');
    for (const tab of hostTabs) await expect.poll(() => heard(tab)).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(Object.keys(await notifications())).toHaveLength(0);
    expect(await toastTexts(hostTabs[2]).then((texts) => texts.length)).toBe(0);
    const calls = await world.browser.worker.evaluate(
      async () =>
        (await chrome.storage.local.get('calls-v1'))['calls-v1'] as { records: { status: string; at: number }[] },
    );
    expect(calls.records.at(-1)).toMatchObject({ status: 'missed' });
    await popup.getByRole('checkbox', { name: /Do not disturb/i }).uncheck();
    await popup.close();
  });

  test('the same call delivered again after the service worker was killed is still shown once', async () => {
    const call = JSON.stringify({
      Sender: '5',
      Receiver: '1',
      SendTime: '2026-11-25T10:00:00.1234567+08:00',
      Message: { Event: 'Call', Data: { sender: '赵六', type: '呼叫', receiver: '章三' } },
      Type: 'Event',
    });
    world.server.sendRaw('1', call);
    await expect.poll(async () => Object.keys(await notifications()), { timeout: 10_000 }).toHaveLength(1);
    await killServiceWorker(world.browser);
    await world.server.waitFor(() => world.server.connectionCount('1') === 0, 10_000);
    // The tabs' ports wake the worker again; it reconnects and the server replays the call.
    await world.server.waitFor(() => world.server.connectionCount('1') === 1, 15_000);
    world.server.sendRaw('1', call);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(Object.keys(await notifications())).toHaveLength(1);
    expect(await toastTexts(hostTabs[2]).then((texts) => texts.length)).toBe(1);
    await clickToastButton(hostTabs[2], 'Dismiss');
    await expect.poll(() => toastTexts(hostTabs[2]).then((texts) => texts.length)).toBe(0);
  });

  // The flood fills the log and the flood gate's window for its callers: no other test rings as them.
  test('a flood of 500 calls in a second: one notification per caller, three toasts, an exact count, no freeze', async () => {
    const senders = ['6', '7', '8', '9', '10'];
    const unseenBefore = await unseenCalls();
    const started = Date.now();
    for (let i = 0; i < 500; i++) {
      const sender = senders[i % senders.length] ?? '6';
      const sendTime = `2026-11-26T10:00:00.${String(i).padStart(7, '0')}+08:00`;
      world.server.sendRaw(
        '1',
        JSON.stringify({
          Sender: sender,
          Receiver: '1',
          SendTime: sendTime,
          Message: { Event: 'Call', Data: { sender: '', type: '呼叫', receiver: '' } },
          Type: 'Event',
        }),
      );
      // Spread over about a second, as a hostile client would manage.
      if (i % 50 === 49) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(Date.now() - started).toBeLessThan(3_000);

    await expect.poll(unseenCalls, { timeout: 20_000 }).toBe(unseenBefore + 500);
    await expect.poll(async () => Object.keys(await notifications()).length, { timeout: 10_000 }).toBe(senders.length);
    expect(await badge()).toBe('99+');
    const active = hostTabs[2];
    await expect.poll(() => toastTexts(active).then((texts) => texts.length), { timeout: 10_000 }).toBe(3);
    await expect.poll(() => moreText(active)).toMatch(/\b497\b/);
    // The host app hears once per caller, not 500 times.
    for (const tab of hostTabs) await expect.poll(() => heard(tab)).toBe(senders.length);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(Object.keys(await notifications())).toHaveLength(senders.length);
    // What a person sees: three toasts and "+497 more" in the corner, over the host's own table.
    await active?.screenshot({ path: resolve('.output/screenshots/calls-toasts.png') });

    // Still responsive: the page dismisses them all, and the popup opens with the log.
    await clickToastButton(active, /Dismiss all/i);
    await expect.poll(() => toastTexts(active).then((texts) => texts.length)).toBe(0);
    const popup = await openPopup(world.browser);
    await expect.poll(() => popup.locator('body').textContent(), { timeout: 10_000 }).toContain('Calls');
    await expect.poll(badge).toBe('');
    await popup.close();
  });
});

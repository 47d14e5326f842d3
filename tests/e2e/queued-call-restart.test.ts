import { afterAll, beforeAll, expect, test } from 'vitest';
import { closeAllClients } from '../integration/helpers/ws-client';
import { killServiceWorker } from './helpers/chromium';
import { ChromiumWorld } from './helpers/chromium-world';
import { headline, openPopupPage, type PopupPage } from './helpers/popup-page';

/**
 * A call made while the server is away waits in the background's queue. Chrome may stop the
 * service worker meanwhile, and the queue goes with it: the call must not stay "queued" for ever
 * (the popup would refuse to call that person again), and it must not ring later on its own.
 */

/** With the test settings (calls missed after 5 s). */
const world = new ChromiumWorld();
const { colleagues } = world;
let popup: PopupPage;

interface StoredCall {
  readonly kind: string;
  readonly id: string;
  readonly status: string;
  readonly error?: string;
}

/** The outgoing calls in the saved call log, as a restarted worker will find them. */
const storedOutgoing = () =>
  world.browser.worker.evaluate(async () => {
    const log = (await chrome.storage.local.get('calls-v1'))['calls-v1'] as { records: StoredCall[] } | undefined;
    return (log?.records ?? []).filter((record) => record.kind === 'outgoing');
  });

const callsFromMeTo2 = () =>
  world.server.received.filter(
    (frame) => frame.text.includes('"Event":"Call"') && frame.text.includes('"Receiver":"2"'),
  );

beforeAll(async () => {
  await world.start({ settings: { notifications: { ringTimeoutSeconds: 5 } } });
  await world.signIn();
  await colleagues.join('2');
  popup = await openPopupPage(world.browser);
});

afterAll(() => world.stop());

test(
  'killed with a call queued: the call fails as "restarted", and 李四 can be called again once the server is back, rung once',
  { timeout: 150_000 },
  async () => {
    const { page } = popup;
    const callLi = page.getByRole('button', { name: 'Call 李四' });
    const liStatus = page.locator('.person', { hasText: '李四' }).locator('.call-status');
    await expect.poll(() => callLi.count(), { timeout: 10_000 }).toBe(1);

    // The server goes away; the last list stays on screen, so the call is queued, not refused.
    closeAllClients();
    colleagues.forgetAll();
    await world.server.close();
    await expect.poll(() => headline(page), { timeout: 10_000 }).not.toBe('Connected');
    await callLi.click();
    await expect.poll(() => liStatus.textContent(), { timeout: 10_000 }).toBe('Waiting for the connection…');
    await expect.poll(storedOutgoing, { timeout: 10_000 }).toEqual([expect.objectContaining({ status: 'queued' })]);
    const [queued] = await storedOutgoing();

    // Chrome stops the worker; the popup's port wakes a new one, which restores the call log.
    await killServiceWorker(world.browser);
    await expect
      .poll(storedOutgoing, { timeout: 20_000 })
      .toEqual([{ ...queued, status: 'failed', error: 'restarted', settledAt: expect.any(Number) }]);
    await expect
      .poll(() => liStatus.textContent(), { timeout: 10_000 })
      .toBe('Not sent: Roster restarted while it waited. Call again.');
    expect(await callLi.getAttribute('aria-disabled')).toBe('false');

    // The server is back (same port), and so is 李四.
    await world.restartServer();
    await colleagues.join('2');
    const retry = page.getByRole('button', { name: 'Retry now' });
    await expect
      .poll(
        async () => {
          // The restarted worker may be in its slow retry by now: do what a person would.
          if (world.server.connectionCount('1') === 0 && (await retry.count()) > 0)
            await retry.click().catch(() => undefined);
          return world.server.connectionCount('1');
        },
        { timeout: 60_000, interval: 1_000 },
      )
      .toBe(1);
    await expect.poll(() => headline(page), { timeout: 10_000 }).toBe('Connected');
    // The call that died with the old worker was not sent late by the new one.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(callsFromMeTo2()).toHaveLength(0);

    await callLi.click();
    expect(await colleagues.nextCall('2')).toMatchObject({ Sender: '1', Receiver: '2', Message: { Event: 'Call' } });
    await expect.poll(() => liStatus.textContent(), { timeout: 10_000 }).toMatch(/^Sent at /);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(colleagues.pendingCalls('2')).toBe(0);
    expect(callsFromMeTo2()).toHaveLength(1);
    // Two records, two ids: the new call did not overwrite the saved one.
    const outgoing = await storedOutgoing();
    expect(outgoing.map((call) => [call.status, call.error])).toEqual([
      ['failed', 'restarted'],
      ['sent', undefined],
    ]);
    expect(new Set(outgoing.map((call) => call.id)).size).toBe(2);
    expect(popup.errors).toEqual([]);
  },
);

import { afterEach, beforeEach, expect, test } from 'vitest';
import { reportPageIdentity } from '../../../../utils/content/page/page-identity';
import { pageIdentityConfig } from '../../../../utils/core/identity/page-reading';
import type { Timers } from '../../../../utils/core/timers';
import type { Settings } from '../../../../utils/core/settings/schema';
import { defaultSettings } from '../../../../utils/core/settings/validate';
import { FakeClient } from '../../components/popup/helpers/fake-client';
import { rosterState } from '../../components/popup/helpers/state';

/** Timers the test fires by hand: the 5 s poll runs when the test says. */
function manualTimers() {
  const pending = new Map<number, () => void>();
  let next = 1;
  const timers: Timers = {
    setTimeout: (callback) => {
      pending.set(next, callback);
      return next++ as unknown as ReturnType<typeof setTimeout>;
    },
    clearTimeout: (handle) => void pending.delete(handle as unknown as number),
  };
  const fire = () => {
    const due = [...pending.values()];
    pending.clear();
    for (const callback of due) callback();
  };
  return { timers, fire, pending };
}

const withKey = (identity: Partial<Settings['identity']> = {}): Settings => ({
  ...defaultSettings(),
  identity: { ...defaultSettings().identity, pageKey: 'vuex', ...identity },
});

let life: AbortController;
beforeEach(() => {
  life = new AbortController();
  localStorage.clear();
});
afterEach(() => life.abort());

const reports = (client: FakeClient) =>
  client.ops('reportIdentity').map((request) => (request as { reading: unknown }).reading);

test('reads the Vuex store at once, and again only when it changes', () => {
  localStorage.setItem('vuex', JSON.stringify({ user: { id: 1, name: '章三' } }));
  const client = new FakeClient(rosterState());
  const clock = manualTimers();
  reportPageIdentity(
    client,
    { timers: clock.timers, window, config: () => pageIdentityConfig(withKey().identity) },
    life.signal,
  );
  expect(reports(client)).toEqual([{ ok: true, id: 1, name: '章三', spot: 'localStorage' }]);
  clock.fire();
  expect(reports(client)).toHaveLength(1);
  localStorage.setItem('vuex', JSON.stringify({ user: { id: 2, name: '李四' } }));
  clock.fire();
  expect(reports(client).at(-1)).toEqual({ ok: true, id: 2, name: '李四', spot: 'localStorage' });
});

test('another tab signing in (a storage event) is reported at once', () => {
  const client = new FakeClient(rosterState());
  reportPageIdentity(
    client,
    { timers: manualTimers().timers, window, config: () => pageIdentityConfig(withKey().identity) },
    life.signal,
  );
  expect(reports(client)).toEqual([{ ok: false, problem: 'not-found', spot: 'localStorage' }]);
  localStorage.setItem('vuex', JSON.stringify({ user: { id: '7' } }));
  window.dispatchEvent(new StorageEvent('storage', { key: 'vuex' }));
  expect(reports(client).at(-1)).toEqual({ ok: true, id: '7', name: '', spot: 'localStorage' });
});

test('the background asking again (the token changed) gets an answer even when nothing changed', () => {
  localStorage.setItem('vuex', JSON.stringify({ user: { id: 1 } }));
  const client = new FakeClient(rosterState());
  reportPageIdentity(
    client,
    { timers: manualTimers().timers, window, config: () => pageIdentityConfig(withKey().identity) },
    life.signal,
  );
  client.publish(rosterState());
  expect(reports(client)).toHaveLength(2);
});

test.each([
  ['no page source configured', withKey({ pageKey: '' })],
  ['manual mode', withKey({ mode: 'manual' })],
  ['settings not read yet', undefined],
])('nothing is read or sent: %s', (_, settings) => {
  localStorage.setItem('vuex', JSON.stringify({ user: { id: 1 } }));
  const client = new FakeClient(rosterState());
  reportPageIdentity(
    client,
    {
      timers: manualTimers().timers,
      window,
      config: () => (settings ? pageIdentityConfig(settings.identity) : undefined),
    },
    life.signal,
  );
  expect(reports(client)).toEqual([]);
});

test('after the script ends, nothing more is read or sent', () => {
  const client = new FakeClient(rosterState());
  const clock = manualTimers();
  reportPageIdentity(
    client,
    { timers: clock.timers, window, config: () => pageIdentityConfig(withKey().identity) },
    life.signal,
  );
  life.abort();
  localStorage.setItem('vuex', JSON.stringify({ user: { id: 3 } }));
  window.dispatchEvent(new StorageEvent('storage', { key: 'vuex' }));
  clock.fire();
  expect(reports(client)).toHaveLength(1);
  expect(clock.pending.size).toBe(0);
});

test('a report the background could not take is sent again at the next look', async () => {
  localStorage.setItem('vuex', JSON.stringify({ user: { id: 1 } }));
  const client = new FakeClient(rosterState());
  client.reply('reportIdentity', () => Promise.reject(new Error('the background went away')));
  const clock = manualTimers();
  reportPageIdentity(
    client,
    { timers: clock.timers, window, config: () => pageIdentityConfig(withKey().identity) },
    life.signal,
  );
  await Promise.resolve();
  await Promise.resolve();
  client.reply('reportIdentity', () => Promise.resolve(null));
  clock.fire();
  expect(reports(client)).toHaveLength(2);
});

import { beforeEach, describe, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { followSettings, loadSettings, resolveSettings, saveSettings } from '../../../utils/extension/settings-storage';

beforeEach(() => fakeBrowser.reset());

describe('resolveSettings', () => {
  test('policy wins field by field and locks those fields', () => {
    const local = { serverUrl: 'ws://mine/ws', auth: { cookieName: 'MINE', cookieUrl: 'http://mine/' } };
    const managed = { serverUrl: 'wss://corp/ws', auth: { cookieName: 'CORP' } };
    const { settings, locked, policyIssues } = resolveSettings(local, managed);
    expect(settings.serverUrl).toBe('wss://corp/ws');
    expect(settings.auth).toEqual({ cookieName: 'CORP', cookieUrl: 'http://mine/' });
    expect(locked).toEqual(['serverUrl', 'auth.cookieName']);
    expect(policyIssues).toEqual([]);
  });

  test('a bad policy field is dropped alone and reported', () => {
    const managed = { serverUrl: 'https://not-ws', connection: { heartbeatSeconds: 30 } };
    const { settings, locked, policyIssues } = resolveSettings({ serverUrl: 'ws://mine/ws' }, managed);
    expect(settings.serverUrl).toBe('ws://mine/ws');
    expect(settings.connection.heartbeatSeconds).toBe(30);
    expect(locked).toEqual(['connection.heartbeatSeconds']);
    expect(policyIssues).toEqual([{ field: 'serverUrl', message: 'must be a ws:// or wss:// URL' }]);
  });

  test('arrays from policy replace, not merge', () => {
    const { settings } = resolveSettings(
      { connection: { unauthorizedCloseCodes: [4001, 4003] } },
      { connection: { unauthorizedCloseCodes: [4401] } },
    );
    expect(settings.connection.unauthorizedCloseCodes).toEqual([4401]);
  });
});

describe('storage', () => {
  test('saving validates the whole value first: nothing half-applied', async () => {
    await saveSettings({ serverUrl: 'ws://good/ws' });
    const result = await saveSettings({ serverUrl: 'ws://other/ws', connection: { heartbeatSeconds: 0 } });
    expect(result.ok).toBe(false);
    expect((await loadSettings()).settings.serverUrl).toBe('ws://good/ws');
  });

  test('managed storage overrides what the user saved', async () => {
    await saveSettings({ serverUrl: 'ws://mine/ws' });
    await fakeBrowser.storage.managed.set({ serverUrl: 'wss://corp/ws' });
    const effective = await loadSettings();
    expect(effective.settings.serverUrl).toBe('wss://corp/ws');
    expect(effective.locked).toEqual(['serverUrl']);
  });

  test('followers get the settings at once, then every save, until their signal aborts', async () => {
    const seen: string[] = [];
    const controller = new AbortController();
    followSettings((effective) => seen.push(effective.settings.serverUrl), controller.signal);
    await expect.poll(() => seen).toEqual(['']);
    await saveSettings({ serverUrl: 'ws://one/ws' });
    await expect.poll(() => seen).toEqual(['', 'ws://one/ws']);
    controller.abort();
    await saveSettings({ serverUrl: 'ws://two/ws' });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(seen).toEqual(['', 'ws://one/ws']);
  });
});

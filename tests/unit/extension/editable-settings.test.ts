import { beforeEach, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { followEditableSettings, loadEditableSettings, saveSettings } from '../../../utils/extension/settings-storage';

beforeEach(() => fakeBrowser.reset());

test('the form edits the user’s own settings; the policy’s values stay out of them', async () => {
  await saveSettings({ serverUrl: 'ws://mine/ws', auth: { cookieName: 'MINE' } });
  await fakeBrowser.storage.managed.set({ serverUrl: 'wss://corp/ws' });
  const editable = await loadEditableSettings();
  expect(editable.settings.serverUrl).toBe('wss://corp/ws');
  expect(editable.own.serverUrl).toBe('ws://mine/ws');
  expect(editable.own.auth.cookieName).toBe('MINE');
  expect(editable.locked).toEqual(['serverUrl']);
});

test('followers see saves and policy changes', async () => {
  const seen: string[] = [];
  const stop = new AbortController();
  followEditableSettings(
    (editable) => seen.push(`${editable.own.serverUrl}|${editable.settings.serverUrl}`),
    stop.signal,
  );
  await expect.poll(() => seen).toEqual(['|']);
  await saveSettings({ serverUrl: 'ws://one/ws' });
  await expect.poll(() => seen.at(-1)).toBe('ws://one/ws|ws://one/ws');
  await fakeBrowser.storage.managed.set({ serverUrl: 'wss://corp/ws' });
  await expect.poll(() => seen.at(-1)).toBe('ws://one/ws|wss://corp/ws');
  stop.abort();
});

import { expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';

test('fake browser is wired', async () => {
  await browser.storage.local.set({ a: 1 });
  expect(await fakeBrowser.storage.local.get('a')).toEqual({ a: 1 });
});

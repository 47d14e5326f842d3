import { afterEach, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { whileExtensionAlive } from '../../../../utils/content/page/alive-signal';

const id = fakeBrowser.runtime.id;
afterEach(() => Object.defineProperty(fakeBrowser.runtime, 'id', { value: id, configurable: true }));

test('while the extension is there, it ends with the script', () => {
  const life = new AbortController();
  const alive = whileExtensionAlive(life.signal);
  life.abort('site unlisted');
  expect(alive.aborted).toBe(true);
});

test('after an extension reload it never fires: removing listeners would only throw "Extension context invalidated"', () => {
  const life = new AbortController();
  const alive = whileExtensionAlive(life.signal);
  Object.defineProperty(fakeBrowser.runtime, 'id', { value: undefined, configurable: true });
  life.abort('context invalidated');
  expect(alive.aborted).toBe(false);
});

import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { createLogger } from '../core/log';
import { idbItems, type IdbItems } from './idb-items';

const log = createLogger('storage');

/**
 * A value only Roster's own contexts (background, popup, options) may read or write: settings, the
 * call log, learned identities. Content scripts share a renderer with the host page, so they must
 * not (trust model: they get what they need over their port).
 * - Chrome: `storage.local`, which the background closes to content scripts at start
 *   (`storage.local.setAccessLevel`, see `keepStorageFromContentScripts`).
 * - Firefox: `storage.local` cannot be closed there, so the extension's own IndexedDB holds them.
 */
export interface ProtectedItem<T> {
  getValue(): Promise<T>;
  setValue(value: T): Promise<void>;
  /** Calls back after every change (from any of Roster's contexts); returns the unwatch function. */
  watch(listener: () => void): () => void;
}

export function protectedItem<T>(
  key: string,
  options: { readonly fallback: T; readonly version?: number },
): ProtectedItem<T> {
  if (import.meta.env.FIREFOX) return idbItem(key, options.fallback, firefoxItems());
  const item = storage.defineItem<T>(`local:${key}`, {
    fallback: options.fallback,
    ...(options.version ? { version: options.version } : {}),
  });
  return {
    getValue: () => item.getValue(),
    setValue: (value) => item.setValue(value),
    watch: (listener) => item.watch(() => listener()),
  };
}

let shared: IdbItems | undefined;
function firefoxItems(): IdbItems {
  return (shared ??= idbItems());
}

/**
 * An item in IndexedDB. What an earlier version kept in `storage.local` under the same key is moved
 * over on the first read, and removed from there.
 */
export function idbItem<T>(key: string, fallback: T, items: IdbItems, legacy = legacyLocal): ProtectedItem<T> {
  let moved: Promise<void> | undefined;
  const moveOnce = () =>
    (moved ??= (async () => {
      if ((await items.get(key)) !== undefined) return;
      const old = await legacy.take(key);
      if (old !== undefined) await items.set(key, old);
    })().catch((error: unknown) => log.warn(`could not move ${key} out of storage.local`, error)));
  return {
    async getValue() {
      await moveOnce();
      const value = await items.get(key);
      return value === undefined ? fallback : (value as T);
    },
    async setValue(value) {
      await moveOnce();
      await items.set(key, value);
    },
    watch: (listener) => items.watch(key, listener),
  };
}

/** Where earlier versions kept these values: read once, then removed. */
export interface LegacyStore {
  take(key: string): Promise<unknown>;
}

const legacyLocal: LegacyStore = {
  async take(key) {
    const found = (await browser.storage.local.get(key))[key];
    if (found !== undefined) await browser.storage.local.remove([key, `${key}$`]);
    return found;
  },
};

/**
 * Chrome: `storage.local` for Roster's own contexts only (Chrome 102+ for session; local since
 * Chromium added it, checked in 156). Called first thing in the background; the browser keeps the
 * setting. Firefox keeps these values out of `storage.local` instead (see `protectedItem`).
 */
export async function keepStorageFromContentScripts(): Promise<void> {
  if (import.meta.env.FIREFOX) return;
  await browser.storage.local.setAccessLevel({ accessLevel: 'TRUSTED_CONTEXTS' });
}

import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, test, vi } from 'vitest';
import { idbItems } from '../../../utils/extension/idb-items';
import { idbItem, type LegacyStore } from '../../../utils/extension/protected-item';

/** What an earlier version left in `storage.local`: handed over once, then gone. */
function legacy(values: Record<string, unknown>): LegacyStore & { taken: string[] } {
  const left = new Map(Object.entries(values));
  const taken: string[] = [];
  return {
    taken,
    take: (key) => {
      taken.push(key);
      const value = left.get(key);
      left.delete(key);
      return Promise.resolve(value);
    },
  };
}

describe('an item in the extension’s own IndexedDB (Firefox)', () => {
  test('the fallback until something is saved, then what was saved', async () => {
    const item = idbItem('settings', { serverUrl: '' }, idbItems(new IDBFactory()), legacy({}));
    expect(await item.getValue()).toEqual({ serverUrl: '' });
    await item.setValue({ serverUrl: 'wss://corp/ws' });
    expect(await item.getValue()).toEqual({ serverUrl: 'wss://corp/ws' });
  });

  test('what an earlier version kept in storage.local is moved over once, and not read again', async () => {
    const old = legacy({ settings: { serverUrl: 'wss://old/ws' } });
    const item = idbItem('settings', {}, idbItems(new IDBFactory()), old);
    expect(await item.getValue()).toEqual({ serverUrl: 'wss://old/ws' });
    expect(await item.getValue()).toEqual({ serverUrl: 'wss://old/ws' });
    expect(old.taken).toEqual(['settings']);
  });

  test('an existing value wins over a leftover in storage.local', async () => {
    const factory = new IDBFactory();
    await idbItems(factory).set('calls-v1', { unseen: 2 });
    const old = legacy({ 'calls-v1': { unseen: 9 } });
    expect(await idbItem('calls-v1', {}, idbItems(factory), old).getValue()).toEqual({ unseen: 2 });
    expect(old.taken).toEqual([]);
  });

  test('another of Roster’s contexts hears a change (the options page saves, the background follows)', async () => {
    const factory = new IDBFactory();
    const options = idbItem('settings', {}, idbItems(factory), legacy({}));
    const background = idbItem('settings', {}, idbItems(factory), legacy({}));
    const heard = vi.fn();
    const unwatch = background.watch(heard);
    await options.setValue({ serverUrl: 'wss://new/ws' });
    await vi.waitFor(() => expect(heard).toHaveBeenCalled());
    expect(await background.getValue()).toEqual({ serverUrl: 'wss://new/ws' });
    unwatch();
  });

  test('a watcher in the same context hears its own change too', async () => {
    const item = idbItem('settings', {}, idbItems(new IDBFactory()), legacy({}));
    const heard = vi.fn();
    item.watch(heard);
    await item.setValue({ a: 1 });
    expect(heard).toHaveBeenCalledOnce();
  });
});

/**
 * A small key-value store in the extension's own IndexedDB: the extension's pages and its
 * background share it (one origin), and content scripts cannot reach it (they run with the host
 * page's origin). Firefox has no way to keep `storage.local` from content scripts, so Roster's
 * settings, call log and learned identities live here there. Changes are announced on a
 * BroadcastChannel, which every extension context of the same origin hears.
 */

const DB_NAME = 'roster';
const STORE = 'items';
const CHANNEL = 'roster-items';

export interface IdbItems {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
  remove(key: string): Promise<void>;
  /** Calls back after `key` changed, here or in another extension context, until the returned function is called. */
  watch(key: string, listener: () => void): () => void;
}

function request<T>(make: () => IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    const pending = make();
    pending.onsuccess = () => resolve(pending.result);
    pending.onerror = () => reject(pending.error ?? new Error('IndexedDB request failed'));
  });
}

export function idbItems(factory: IDBFactory = indexedDB): IdbItems {
  let opened: Promise<IDBDatabase> | undefined;
  const database = () =>
    (opened ??= new Promise<IDBDatabase>((resolve, reject) => {
      const open = factory.open(DB_NAME, 1);
      open.onupgradeneeded = () => open.result.createObjectStore(STORE);
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => {
        opened = undefined;
        reject(open.error ?? new Error('IndexedDB did not open'));
      };
    }));
  /** One request in a transaction of its own, made in the same turn the database is at hand. */
  const run = async <T>(mode: IDBTransactionMode, make: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> => {
    const db = await database();
    return request(() => make(db.transaction(STORE, mode).objectStore(STORE)));
  };

  const listeners = new Map<string, Set<() => void>>();
  const notify = (key: string) => {
    for (const listener of [...(listeners.get(key) ?? [])]) listener();
  };
  const channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(CHANNEL) : undefined;
  channel?.addEventListener('message', (event: MessageEvent<unknown>) => {
    if (typeof event.data === 'string') notify(event.data);
  });
  const changed = (key: string) => {
    // The channel does not echo to its sender: this context's own watchers hear it here.
    notify(key);
    channel?.postMessage(key);
  };

  return {
    get: (key) => run<unknown>('readonly', (store) => store.get(key)),
    async set(key, value) {
      await run('readwrite', (store) => store.put(value, key));
      changed(key);
    },
    async remove(key) {
      await run('readwrite', (store) => store.delete(key));
      changed(key);
    },
    watch(key, listener) {
      const set = listeners.get(key) ?? new Set();
      listeners.set(key, set);
      set.add(listener);
      return () => set.delete(listener);
    },
  };
}

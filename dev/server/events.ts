import type { ServerEventName, ServerEvents } from './types';

type Listener<E extends ServerEventName> = (payload: ServerEvents[E]) => void;

export interface ServerEmitter {
  on<E extends ServerEventName>(event: E, listener: Listener<E>): () => void;
  emit<E extends ServerEventName>(event: E, payload: ServerEvents[E]): void;
  /** Called after every event, whatever its name (waitFor re-checks on it). */
  onAny(listener: () => void): () => void;
}

export function createEmitter(onListenerError: (error: unknown) => void): ServerEmitter {
  const listeners = new Map<ServerEventName, Set<(payload: never) => void>>();
  const any = new Set<() => void>();
  // A throwing test listener must not break the socket handler that emitted the event.
  const safely = (call: () => void): void => {
    try {
      call();
    } catch (error) {
      onListenerError(error);
    }
  };
  return {
    on(event, listener) {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      set.add(listener);
      return () => set.delete(listener);
    },
    emit(event, payload) {
      for (const listener of [...(listeners.get(event) ?? [])]) {
        safely(() => (listener as Listener<typeof event>)(payload));
      }
      for (const listener of [...any]) safely(listener);
    },
    onAny(listener) {
      any.add(listener);
      return () => any.delete(listener);
    },
  };
}

import { upsertRecord } from '../calls/records';
import { idTable, tableEntries, withEntries } from '../presence/id-table';
import type { RosterState, ViewEvent } from './roster-state';

/**
 * A view's copy of the state after one event. Pure. `undefined` means the event cannot be applied
 * (a presence change that skipped a version): the view must ask for a fresh snapshot.
 */
export function applyEvent(state: RosterState | undefined, event: ViewEvent): RosterState | undefined {
  if (event.type === 'state') return event.state;
  if (!state) return undefined;
  switch (event.type) {
    case 'connection':
      return { ...state, connection: event.status };
    case 'presence': {
      const { change } = event;
      if (change.version !== state.presence.version + 1) return undefined;
      const online = new Set(state.presence.online);
      for (const id of change.left) online.delete(id);
      for (const id of change.joined) online.add(id);
      // As the store keeps it: who came back has no "last seen". Prototype-free: an id such as
      // `__proto__` is a key like any other (see `id-table.ts`).
      const back = new Set(change.joined);
      const stayedAway = tableEntries(state.presence.lastSeen).filter(([id]) => !back.has(id));
      const lastSeen = idTable([...stayedAway, ...change.left.map((id) => [id, change.at] as const)]);
      return { ...state, presence: { version: change.version, online: [...online], lastSeen } };
    }
    case 'names':
      return { ...state, names: withEntries(state.names, tableEntries(event.names)) };
    case 'me':
      return { ...state, me: event.me };
    case 'identity':
      return { ...state, identity: event.identity };
    case 'doNotDisturb':
      return { ...state, doNotDisturb: event.on };
    case 'setup':
      return { ...state, setup: event.setup };
    case 'away':
      return { ...state, away: event.on };
    case 'page':
      return { ...state, page: event.page };
    case 'callRecord':
      return { ...state, calls: { ...state.calls, records: upsertRecord(state.calls.records, event.record) } };
    case 'unseen':
      return { ...state, calls: { ...state.calls, unseen: event.count } };
    case 'ring':
    case 'callClosed':
    case 'readPageIdentity':
      // For host pages' toasts and events; the log itself changes through `callRecord`.
      return state;
  }
}

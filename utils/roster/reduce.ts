import { upsertRecord } from '../calls/records';
import type { RosterState, ViewEvent } from './state';

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
      const lastSeen = { ...state.presence.lastSeen };
      for (const id of change.left) {
        online.delete(id);
        lastSeen[id] = change.at;
      }
      for (const id of change.joined) online.add(id);
      return { ...state, presence: { version: change.version, online: [...online], lastSeen } };
    }
    case 'names':
      return { ...state, names: { ...state.names, ...event.names } };
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

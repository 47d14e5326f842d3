import { silentIdentity } from '../../core/identity/status';
import type { RosterEvent, RosterState, ViewEvent } from '../../core/messages/roster-state';
import type { Role } from '../../core/messages/views-background';
import type { HostTabs } from './host-tabs';

/** Who is at the other end of a port, as far as what it may see depends on it. */
export interface Audience {
  readonly role: Role;
  readonly tabId: number | undefined;
  readonly frameId: number;
  readonly hostTabs: HostTabs;
  /** The page has no rows to mark: presence and names changes are not sent (see the `quiet` op). */
  readonly quiet: { readonly on: boolean };
}

/**
 * Extension pages see everything but host-page events. Content scripts run in host pages: they get
 * presence, names and the calls they must show, never my call log.
 */
export function forViewer(event: RosterEvent, viewer: Audience): ViewEvent | undefined {
  if (viewer.role === 'page') return event.type === 'ring' || event.type === 'readPageIdentity' ? undefined : event;
  switch (event.type) {
    case 'state':
      return { type: 'state', state: stateForRole(event.state, viewer.role) };
    case 'callRecord':
    case 'unseen':
    case 'identity':
      return undefined;
    case 'presence':
    case 'names':
      return viewer.quiet.on ? undefined : event;
    case 'ring': {
      // One toast per tab: only the tab's toast frame shows it; every host frame still hears of the call.
      const toast =
        event.toastTabId !== null &&
        event.toastTabId === viewer.tabId &&
        viewer.hostTabs.toastFrame(viewer.tabId) === viewer.frameId;
      return { type: 'ring', call: event.call, announce: event.announce, toast };
    }
    default:
      return event;
  }
}

export function stateForRole(state: RosterState, role: Role): RosterState {
  return role === 'page' ? state : { ...state, calls: { records: [], unseen: 0 }, identity: silentIdentity };
}

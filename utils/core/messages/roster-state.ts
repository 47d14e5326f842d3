import type { CallRecord, OutgoingCall, RingingCall } from '../calls/records';
import type { ConnectionStatus } from './connection-status';
import type { Me } from '../identity/me';
import type { IdentityStatus } from '../identity/status';
import type { DirectoryEntries } from '../presence/directory';
import type { PresenceChange, PresenceSnapshot } from '../presence/store';
import type { PageConfig } from './page-config';

/** Why a call was not even queued. */
export type CallRefusal =
  'not-signed-in' | 'unknown-identity' | 'self' | 'callee-offline' | 'unknown-call' | 'too-many';

/** A host page a call may be about: a configured site's, its title cleaned. */
export interface CallPage {
  readonly url: string;
  readonly title: string;
}

/** What a caller says a call is about; the background decides what of it goes on the wire. */
export interface CallAbout {
  readonly page?: CallPage;
  readonly note?: string;
}

export type SendCallResult =
  { readonly ok: true; readonly call: OutgoingCall } | { readonly ok: false; readonly refusal: CallRefusal };

/** Everything a view needs to draw itself at once. The background is its only writer. */
export interface RosterState {
  readonly connection: ConnectionStatus;
  readonly presence: PresenceSnapshot;
  readonly names: DirectoryEntries;
  readonly me: Me | null;
  /** How each identity source stands (extension pages only: content scripts get an empty one). */
  readonly identity: IdentityStatus;
  /** The call log, oldest first, and how many incoming calls are unseen (extension pages only). */
  readonly calls: { readonly records: readonly CallRecord[]; readonly unseen: number };
  readonly doNotDisturb: boolean;
  /** What the popup needs to help set Roster up: the host site (its login page) and missing permissions. */
  readonly setup: { readonly siteUrl: string; readonly missingOrigins: readonly string[] };
  /** I have been idle past the "away" time (presence settings). */
  readonly away: boolean;
  /** What host pages need of the settings (content scripts read no storage). */
  readonly page: PageConfig;
}

/** What the background publishes after the first full state. */
export type RosterEvent =
  | { readonly type: 'state'; readonly state: RosterState }
  | { readonly type: 'connection'; readonly status: ConnectionStatus }
  | { readonly type: 'presence'; readonly change: PresenceChange }
  | { readonly type: 'names'; readonly names: DirectoryEntries }
  | { readonly type: 'me'; readonly me: Me | null }
  | { readonly type: 'identity'; readonly identity: IdentityStatus }
  /** Host pages: read the signed-in user again (the token changed, or the settings of where to look). */
  | { readonly type: 'readPageIdentity' }
  | { readonly type: 'doNotDisturb'; readonly on: boolean }
  | { readonly type: 'setup'; readonly setup: RosterState['setup'] }
  | { readonly type: 'away'; readonly on: boolean }
  | { readonly type: 'page'; readonly page: PageConfig }
  | { readonly type: 'callRecord'; readonly record: CallRecord }
  | { readonly type: 'unseen'; readonly count: number }
  /**
   * Host pages: a new call. Each dispatches the DOM event when `announce` (one per caller per
   * window, so a flood cannot make the host app reload 500 times); the tab `toastTabId` shows a toast.
   */
  | {
      readonly type: 'ring';
      readonly call: RingingCall;
      readonly toastTabId: number | null;
      readonly announce: boolean;
    }
  /** Answered or dismissed somewhere: every toast of it goes. */
  | { readonly type: 'callClosed'; readonly id: string };

/** Every event by name, exactly once: a `Record` over the union's names fails to compile if one is missing. */
const eventNames: Readonly<Record<RosterEvent['type'], true>> = {
  state: true,
  connection: true,
  presence: true,
  names: true,
  me: true,
  identity: true,
  readPageIdentity: true,
  doNotDisturb: true,
  setup: true,
  away: true,
  page: true,
  callRecord: true,
  unseen: true,
  ring: true,
  callClosed: true,
};
/** The one list the envelope check (`readBackgroundToView`) is built from. */
export const ROSTER_EVENT_TYPES = Object.keys(eventNames) as readonly RosterEvent['type'][];

/** What the call inbox publishes: the call events of the list above. */
export type CallEvent = Extract<RosterEvent, { type: 'callRecord' | 'unseen' | 'ring' | 'callClosed' }>;

/** An event as one view receives it: a content script learns only whether *its* tab shows the toast. */
export type ViewEvent =
  | Exclude<RosterEvent, { type: 'ring' }>
  | { readonly type: 'ring'; readonly call: RingingCall; readonly toast: boolean; readonly announce: boolean };

import type { ConnectionStatus } from '../connection/types';
import type { Me } from '../identity/me';
import type { CallFrame } from '../protocol/messages';
import type { UserId } from '../protocol/schemas';
import type { DirectoryEntries } from '../presence/directory';
import type { PresenceChange, PresenceSnapshot } from '../presence/store';

/** Why a call was not even queued. */
export type CallRefusal = 'not-signed-in' | 'self' | 'callee-offline';

export type OutgoingCallStatus = 'queued' | 'sent' | 'failed';

/** One call I made, as the popup shows it: sending → sent, or queued while reconnecting, or failed. */
export interface OutgoingCall {
  readonly id: string;
  readonly to: UserId;
  readonly status: OutgoingCallStatus;
  readonly error?: 'expired' | 'queue-full' | 'stopped';
  readonly createdAt: number;
  readonly settledAt?: number;
}

export type SendCallResult =
  | { readonly ok: true; readonly call: OutgoingCall }
  | { readonly ok: false; readonly refusal: CallRefusal };

/** Everything a view needs to draw itself at once. The background is its only writer. */
export interface RosterState {
  readonly connection: ConnectionStatus;
  readonly presence: PresenceSnapshot;
  readonly names: DirectoryEntries;
  readonly me: Me | null;
  /** Recent outgoing calls, newest last (extension pages only). */
  readonly outgoing: readonly OutgoingCall[];
}

/** What the background pushes to subscribed views after the first full state. */
export type RosterEvent =
  | { readonly type: 'state'; readonly state: RosterState }
  | { readonly type: 'connection'; readonly status: ConnectionStatus }
  | { readonly type: 'presence'; readonly change: PresenceChange }
  | { readonly type: 'names'; readonly names: DirectoryEntries }
  | { readonly type: 'me'; readonly me: Me | null }
  | { readonly type: 'outgoing'; readonly call: OutgoingCall }
  | { readonly type: 'incoming'; readonly call: CallFrame };

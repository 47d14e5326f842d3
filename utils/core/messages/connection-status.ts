/** How the background's link to the server stands: sent to every view with the state. */

export type ConnectionPhase = 'disconnected' | 'connecting' | 'connected';

/** Why the connection is down; also what the popup tells the user. */
export type DisconnectReason =
  | 'not-configured' // no server URL in settings
  | 'no-permission' // the host permission for the server or the site is not granted (yet)
  | 'no-host-tab' // presence mode "only while an admin page is open", and none is
  | 'no-token' // signed out of the host site: nothing to connect with
  | 'unauthorized' // the server refused the token (close 4001/4003/1008): wait for a new one
  | 'offline' // the browser reports no network
  | 'server-closed' // the socket closed or failed; a retry is scheduled
  | 'no-heartbeat' // the server stopped answering: the link is dead
  | 'cannot-reach' // repeated failures before any open: retrying slowly
  | 'stopped'; // shut down on purpose

export interface ConnectionStatus {
  readonly phase: ConnectionPhase;
  /** Set only while disconnected. */
  readonly reason?: DisconnectReason;
  /** When this phase began (clock ms). */
  readonly since: number;
  /** Failed attempts in a row since the last stable connection. */
  readonly attempt: number;
  /** When the next attempt is due, if one is scheduled. */
  readonly nextRetryAt?: number;
  /** The last failure in words, e.g. `closed with 1006 before opening`. */
  readonly lastError?: string;
  /**
   * The socket is fine but the server's latest online list was dropped, so who is online is out of
   * date until a usable list arrives. Set by the service (the connection never sees lists).
   */
  readonly listProblem?: ListProblem;
}

/** Why an online list was dropped: too large for `connection.maxFrameKiB`, or not a list Roster can read. */
export type ListProblem =
  | { readonly reason: 'too-large'; readonly bytes: number; readonly limitBytes: number; readonly at: number }
  | { readonly reason: 'invalid'; readonly at: number };

export interface StatusChange {
  readonly from: ConnectionStatus;
  readonly to: ConnectionStatus;
}

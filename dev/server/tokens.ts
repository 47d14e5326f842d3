import { createOpaqueSessions } from './opaque-sessions';
import type { TokenMode, UserRecord } from './types';
import type { UserTable } from './users';

/** How a `USERTOKEN` (cookie or `?token=`) becomes a user, whichever way the host signs people in. */
export interface TokenStore {
  readonly mode: TokenMode;
  userOf(token: string | null | undefined): UserRecord | undefined;
  /** A token that signs `user` in: their fixed JWT, or a new opaque session. */
  issue(user: UserRecord): string;
  /**
   * Ends the session `token` belongs to and says whose it was. A JWT cannot be revoked: the
   * host only clears the cookie, as before.
   */
  revoke(token: string | null | undefined): UserRecord | undefined;
}

export function createTokenStore(mode: TokenMode, users: UserTable): TokenStore {
  return mode === 'opaque' ? createOpaqueSessions() : staticJwts(users);
}

function staticJwts(users: UserTable): TokenStore {
  return {
    mode: 'jwt',
    userOf: (token) => users.byToken(token),
    issue: (user) => user.token,
    revoke: () => undefined,
  };
}

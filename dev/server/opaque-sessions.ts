import { randomBytes } from 'node:crypto';
import type { TokenStore } from './tokens';
import type { UserRecord } from './types';

/** Bounded so that a long demo run (bots sign in again and again) does not grow without end. */
export const MAX_SESSIONS = 10_000;

/** 32 random bytes: 43 base64url characters, cookie- and URL-safe, with nothing inside to decode. */
export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * Server-side sessions, as hosts with an opaque session id do it: the token means nothing by
 * itself, only this map knows whose it is. The user table's JWTs are not in it, so they are refused.
 */
export function createOpaqueSessions(): TokenStore {
  // Insertion order = age: the oldest session goes first when the map is full.
  const sessions = new Map<string, UserRecord>();
  return {
    mode: 'opaque',
    userOf: (token) => (token ? sessions.get(token) : undefined),
    issue(user) {
      const token = newSessionToken();
      if (sessions.size >= MAX_SESSIONS) {
        const oldest = sessions.keys().next();
        if (!oldest.done) sessions.delete(oldest.value);
      }
      sessions.set(token, user);
      return token;
    },
    revoke(token) {
      const user = token ? sessions.get(token) : undefined;
      if (token) sessions.delete(token);
      return user;
    },
  };
}

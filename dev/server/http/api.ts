import type { IncomingMessage, ServerResponse } from 'node:http';
import type { UserRecord } from '../types';
import type { UserTable } from '../users';
import { readCookie, TOKEN_COOKIE } from './cookies';
import { sendJson } from './respond';

/** The signed-in user, from the `USERTOKEN` cookie. */
export function sessionUser(req: IncomingMessage, users: UserTable): UserRecord | undefined {
  return users.byToken(readCookie(req.headers.cookie, TOKEN_COOKIE));
}

/** The host's directory: who works here. Never tokens. */
export function handleUsers(req: IncomingMessage, res: ServerResponse, users: UserTable): void {
  if (!sessionUser(req, users)) {
    sendJson(res, 401, { error: 'unauthorized' });
    return;
  }
  sendJson(
    res,
    200,
    users.list.map((user) => ({ id: user.id, name: user.name, department: user.department ?? '', email: user.email ?? '' })),
  );
}

/**
 * What the demo page needs to draw its header or its sign-in panel. The id/name list is public
 * here only because this is a demo login with no passwords.
 */
export function handleSession(req: IncomingMessage, res: ServerResponse, users: UserTable): void {
  const user = sessionUser(req, users);
  sendJson(res, 200, {
    user: user ? { id: user.id, name: user.name } : null,
    signInUsers: users.list.map(({ id, name }) => ({ id, name })),
  });
}

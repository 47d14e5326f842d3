import type { IncomingMessage, ServerResponse } from 'node:http';
import type { HttpContext } from '../context';
import { apiId } from '../id-type';
import type { UserRecord } from '../types';
import type { TokenStore } from '../tokens';
import { readCookie, TOKEN_COOKIE } from './cookies';
import { sendJson } from './respond';

/** The signed-in user, from the `USERTOKEN` cookie (a JWT or a session, as the server runs). */
export function sessionUser(req: IncomingMessage, tokens: TokenStore): UserRecord | undefined {
  return tokens.userOf(readCookie(req.headers.cookie, TOKEN_COOKIE));
}

/** The host's directory: who works here. Never tokens. */
export function handleUsers(req: IncomingMessage, res: ServerResponse, context: HttpContext): void {
  const { users, tokens, idType } = context;
  if (!sessionUser(req, tokens)) {
    sendJson(res, 401, { error: 'unauthorized' });
    return;
  }
  sendJson(
    res,
    200,
    users.list.map((user) => ({
      id: apiId(user.id, idType),
      name: user.name,
      department: user.department ?? '',
      email: user.email ?? '',
    })),
  );
}

/**
 * What the demo page needs to draw its header or its sign-in panel. The id/name list is public
 * here only because this is a demo login with no passwords.
 */
export function handleSession(req: IncomingMessage, res: ServerResponse, context: HttpContext): void {
  const { users, tokens, idType } = context;
  const user = sessionUser(req, tokens);
  sendJson(res, 200, {
    user: user ? { id: apiId(user.id, idType), name: user.name } : null,
    signInUsers: users.list.map(({ id, name }) => ({ id: apiId(id, idType), name })),
  });
}

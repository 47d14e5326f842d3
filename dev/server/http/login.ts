import type { IncomingMessage, ServerResponse } from 'node:http';
import type { HttpContext } from '../context';
import { who } from '../logger';
import { clearedTokenCookie, readCookie, TOKEN_COOKIE, tokenCookie } from './cookies';
import { readForm } from './form-body';
import { redirect, sendText } from './respond';

/**
 * Demo sign-in without passwords: pick a user, get a token as the host's cookie: their fixed
 * JWT, or a new session in opaque mode.
 */
export async function handleLogin(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  context: HttpContext,
): Promise<void> {
  const userId = req.method === 'POST' ? (await readForm(req))?.get('userId') : url.searchParams.get('userId');
  const user = userId ? context.users.byId(userId) : undefined;
  if (!user) {
    sendText(res, 400, 'Unknown or missing userId');
    return;
  }
  context.log.info(`sign-in ${who(user)} (${context.tokens.mode} token)`);
  redirect(res, '/', tokenCookie(context.tokens.issue(user)));
}

/**
 * Clears the cookie and, in opaque mode, ends the session: that token no longer opens a socket.
 * A socket already open with it stays open, as on hosts that check the token only at the
 * handshake; closing it is the client's job once its cookie is gone.
 */
export function handleLogout(req: IncomingMessage, res: ServerResponse, context: HttpContext): void {
  const ended = context.tokens.revoke(readCookie(req.headers.cookie, TOKEN_COOKIE));
  if (ended) context.log.info(`sign-out ${who(ended)}: session ended`);
  redirect(res, '/', clearedTokenCookie());
}

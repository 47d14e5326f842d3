import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from '../logger';
import { who } from '../logger';
import type { UserTable } from '../users';
import { clearedTokenCookie, tokenCookie } from './cookies';
import { readForm } from './form-body';
import { redirect, sendText } from './respond';

/** Demo sign-in without passwords: pick a user, get their token as the host's cookie. */
export async function handleLogin(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  users: UserTable,
  log: Logger,
): Promise<void> {
  const userId = req.method === 'POST' ? (await readForm(req))?.get('userId') : url.searchParams.get('userId');
  const user = userId ? users.byId(userId) : undefined;
  if (!user) {
    sendText(res, 400, 'Unknown or missing userId');
    return;
  }
  log.info(`sign-in ${who(user)}`);
  redirect(res, '/', tokenCookie(user.token));
}

export function handleLogout(res: ServerResponse): void {
  redirect(res, '/', clearedTokenCookie());
}

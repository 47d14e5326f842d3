import type { IncomingMessage, ServerResponse } from 'node:http';
import type { HttpContext } from '../context';
import { apiId } from '../id-type';
import { sessionUser } from './api';
import { sendJson } from './respond';

/** The codes of the vue-element-admin family of templates, which many admin hosts grew from. */
export const ME_OK = 20000;
export const ME_NOT_SIGNED_IN = 50008;

/**
 * "Who am I", the way Vue admin templates answer it: the user nested under `data`, with
 * `userName` rather than `name`, and a business code beside the HTTP status.
 */
export function handleMe(req: IncomingMessage, res: ServerResponse, context: HttpContext): void {
  const user = sessionUser(req, context.tokens);
  if (!user) {
    sendJson(res, 401, { code: ME_NOT_SIGNED_IN, message: 'not signed in' });
    return;
  }
  sendJson(res, 200, {
    code: ME_OK,
    data: { id: apiId(user.id, context.idType), userName: user.name, department: user.department ?? '' },
  });
}

import type { IncomingMessage, ServerResponse } from 'node:http';
import type { HttpContext } from '../context';
import { handleSession, handleUsers } from './api';
import { handleLogin, handleLogout } from './login';
import { handleMe } from './me';
import { sendBody, sendJson, sendText } from './respond';
import { readStatic, staticFiles } from './static-files';

type Route = (req: IncomingMessage, res: ServerResponse, url: URL) => void | Promise<void>;

/** The HTTP side: the demo page, its vendor files, the directory and "who am I" APIs, the demo sign-in. */
export function createRequestHandler(context: HttpContext): (req: IncomingMessage, res: ServerResponse) => void {
  const { log } = context;
  const routes = new Map<string, { methods: readonly string[]; route: Route }>([
    ['/api/users', { methods: ['GET', 'HEAD'], route: (req, res) => handleUsers(req, res, context) }],
    ['/api/session', { methods: ['GET', 'HEAD'], route: (req, res) => handleSession(req, res, context) }],
    ['/api/me', { methods: ['GET', 'HEAD'], route: (req, res) => handleMe(req, res, context) }],
    ['/login', { methods: ['GET', 'POST'], route: (req, res, url) => handleLogin(req, res, url, context) }],
    ['/logout', { methods: ['GET', 'POST'], route: (req, res) => handleLogout(req, res, context) }],
  ]);

  return (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const match = routes.get(url.pathname);
    const file = staticFiles.get(url.pathname);
    let handled: void | Promise<void> = undefined;
    if (match) {
      handled = match.methods.includes(req.method ?? '')
        ? match.route(req, res, url)
        : sendText(res, 405, 'Method Not Allowed');
    } else if (file) {
      handled =
        req.method === 'GET' || req.method === 'HEAD'
          ? readStatic(file).then((body) => sendBody(res, 200, file.type, body, file.frameable))
          : sendText(res, 405, 'Method Not Allowed');
    } else if (url.pathname.startsWith('/api/')) {
      sendJson(res, 404, { error: 'not found' });
    } else {
      sendText(res, 404, 'Not Found');
    }
    Promise.resolve(handled).catch((error: unknown) => {
      log.warn(`${req.method} ${url.pathname} failed: ${error instanceof Error ? error.message : String(error)}`);
      if (!res.headersSent) sendText(res, 500, 'Internal Server Error');
      else res.destroy();
    });
  };
}

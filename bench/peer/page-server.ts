/**
 * Serves the recipe's page with Vue 2 (the full build: the recipe's pages compile templates in the
 * browser) and Element UI from node_modules. On its own port, apart from the reference server, so
 * the page stays loaded while that server is restarted.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { RECIPE_PAGE_SCRIPT, recipePageHtml } from './recipe-page';

const require = createRequire(import.meta.url);
const elementLib = dirname(require.resolve('element-ui/lib/index.js'));
const js = 'text/javascript; charset=utf-8';

/** A fixed table of URLs: no request path is joined onto the file system. */
const files = new Map<string, { readonly type: string; readonly body: () => Buffer | string }>([
  ['/', { type: 'text/html; charset=utf-8', body: recipePageHtml }],
  ['/recipe.js', { type: js, body: () => RECIPE_PAGE_SCRIPT }],
  ['/vendor/vue.min.js', { type: js, body: () => readFileSync(require.resolve('vue/dist/vue.min.js')) }],
  ['/vendor/element-ui/index.js', { type: js, body: () => readFileSync(join(elementLib, 'index.js')) }],
  [
    '/vendor/element-ui/theme-chalk/index.css',
    { type: 'text/css; charset=utf-8', body: () => readFileSync(join(elementLib, 'theme-chalk/index.css')) },
  ],
  [
    '/vendor/element-ui/theme-chalk/fonts/element-icons.woff',
    { type: 'font/woff', body: () => readFileSync(join(elementLib, 'theme-chalk/fonts/element-icons.woff')) },
  ],
]);

export interface PageServer {
  readonly port: number;
  close(): void;
}

export async function startPageServer(): Promise<PageServer> {
  const cache = new Map<string, Buffer | string>();
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const file = files.get(path);
    if (!file) {
      res.writeHead(404).end();
      return;
    }
    let body = cache.get(path);
    if (body === undefined) cache.set(path, (body = file.body()));
    res.writeHead(200, { 'Content-Type': file.type, 'Cache-Control': 'max-age=3600' });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    close: () => {
      server.close();
      server.closeAllConnections();
    },
  };
}

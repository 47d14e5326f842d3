import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface StaticFile {
  readonly path: string;
  readonly type: string;
  /** Vendor files never change while the server runs: read once. */
  readonly cached?: boolean;
  /** Any site may frame it (the page that plays another system's, for the demo shell). */
  readonly frameable?: boolean;
}

const require = createRequire(import.meta.url);
const pageDir = fileURLToPath(new URL('../../demo-page/', import.meta.url));
const elementLib = dirname(require.resolve('element-ui/lib/index.js'));

const html = 'text/html; charset=utf-8';
const js = 'text/javascript; charset=utf-8';
const css = 'text/css; charset=utf-8';

/**
 * Every URL the server serves a file for. A fixed table rather than a directory: no request
 * path is ever joined onto the file system, so `..` and encoded tricks have nothing to escape.
 */
export const staticFiles: ReadonlyMap<string, StaticFile> = new Map([
  ['/', { path: join(pageDir, 'index.html'), type: html }],
  ['/index.html', { path: join(pageDir, 'index.html'), type: html }],
  ['/app.js', { path: join(pageDir, 'app.js'), type: js }],
  ['/app.css', { path: join(pageDir, 'app.css'), type: css }],
  ['/favicon.svg', { path: join(pageDir, 'favicon.svg'), type: 'image/svg+xml' }],
  // The iframe shell (layui / RuoYi style): every admin page in a same-origin frame.
  ['/shell.html', { path: join(pageDir, 'shell.html'), type: html }],
  ['/shell.js', { path: join(pageDir, 'shell.js'), type: js }],
  ['/shell.css', { path: join(pageDir, 'shell.css'), type: css }],
  // A web-component host: the user table in <user-table>'s shadow root.
  ['/components.html', { path: join(pageDir, 'components.html'), type: html }],
  ['/components.js', { path: join(pageDir, 'components.js'), type: js }],
  ['/components.css', { path: join(pageDir, 'components.css'), type: css }],
  ['/components-table.css', { path: join(pageDir, 'components-table.css'), type: css }],
  ['/plain-users.html', { path: join(pageDir, 'plain-users.html'), type: html, frameable: true }],
  // Vue's runtime-only build: the page uses render functions, so the CSP needs no 'unsafe-eval'.
  ['/vendor/vue.runtime.min.js', { path: require.resolve('vue/dist/vue.runtime.min.js'), type: js, cached: true }],
  ['/vendor/element-ui/index.js', { path: join(elementLib, 'index.js'), type: js, cached: true }],
  [
    '/vendor/element-ui/theme-chalk/index.css',
    { path: join(elementLib, 'theme-chalk/index.css'), type: css, cached: true },
  ],
  // index.css asks for `fonts/…` relative to itself.
  [
    '/vendor/element-ui/theme-chalk/fonts/element-icons.woff',
    { path: join(elementLib, 'theme-chalk/fonts/element-icons.woff'), type: 'font/woff', cached: true },
  ],
  [
    '/vendor/element-ui/theme-chalk/fonts/element-icons.ttf',
    { path: join(elementLib, 'theme-chalk/fonts/element-icons.ttf'), type: 'font/ttf', cached: true },
  ],
]);

// The page's own files are read each time, so that editing them needs only a reload.
const cache = new Map<string, Buffer>();

export async function readStatic(file: StaticFile): Promise<Buffer> {
  const cached = cache.get(file.path);
  if (cached) return cached;
  const body = await readFile(file.path);
  if (file.cached) cache.set(file.path, body);
  return body;
}

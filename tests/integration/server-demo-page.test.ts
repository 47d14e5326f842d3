import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Window } from 'happy-dom';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { startServer, type RosterServer, type TokenMode, type WireIdType } from '../../dev/server/index';

/**
 * The demo page against the real server, in a happy-dom window on the server's origin (its own
 * fetch and cookies): it keeps the signed-in user in `localStorage.vuex` the way a Vue 2 app
 * with vuex-persistedstate does, in every host shape.
 */

const require = createRequire(import.meta.url);
/** What the page's <script> tags load, in order. */
const SCRIPTS = [
  require.resolve('vue/dist/vue.runtime.min.js'),
  require.resolve('element-ui/lib/index.js'),
  fileURLToPath(new URL('../../dev/demo-page/app.js', import.meta.url)),
].map((path) => readFileSync(path, 'utf8'));

const SHAPES: Array<[TokenMode, WireIdType]> = [
  ['jwt', 'string'],
  ['jwt', 'number'],
  ['opaque', 'string'],
  ['opaque', 'number'],
];

let server: RosterServer | undefined;
let browser: Window | undefined;

afterEach(async () => {
  await browser?.happyDOM.close();
  browser = undefined;
  await server?.close();
  server = undefined;
});

function running(): RosterServer {
  if (!server) throw new Error('server not started');
  return server;
}

/** Raw HTTP to the server, outside the page. */
function http(
  path: string,
  token?: string,
): Promise<{ status: number; headers: Record<string, string | string[] | undefined> }> {
  const headers = token ? { Cookie: `USERTOKEN=${token}` } : {};
  const method = path === '/logout' ? 'POST' : 'GET';
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: running().port, path, method, headers }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** Signs in through `/login`, as the page's form does; returns the `USERTOKEN` the server set. */
async function signIn(userId: string): Promise<string> {
  const res = await http(`/login?userId=${userId}`);
  const token = /^USERTOKEN=([^;]*);/.exec(String(res.headers['set-cookie']))?.[1];
  if (!token) throw new Error('no USERTOKEN cookie');
  return token;
}

/**
 * A browser tab on the server's origin, with `token` as its cookie and `stored` as what
 * localStorage already held, that then loads the page.
 */
function openPage(options: { token?: string; stored?: string } = {}): Window {
  const page = (browser ??= new Window({ url: `${running().httpUrl}/` }));
  if (options.token) page.document.cookie = `USERTOKEN=${options.token}; path=/`;
  if (options.stored !== undefined) page.localStorage.setItem('vuex', options.stored);
  page.document.body.innerHTML = '<div id="app"></div>';
  for (const code of SCRIPTS) page.eval(code);
  return page;
}

function vuex(page: Window): unknown {
  return JSON.parse(page.localStorage.getItem('vuex') ?? 'null');
}

function text(page: Window, selector: string): string | null | undefined {
  return page.document.querySelector(selector)?.textContent;
}

const asWire = (id: string, idType: WireIdType): string | number => (idType === 'number' ? Number(id) : id);

describe('the demo page keeps its user in localStorage.vuex', () => {
  test.each(SHAPES)('%s tokens, %s ids: written once the page learns who is signed in', async (tokens, idType) => {
    server = await startServer({ port: 0, tokens, idType });
    const page = openPage({ token: await signIn('1') });
    await vi.waitFor(() => expect(text(page, '.header-user-name')).toBe('章三'));
    expect(vuex(page)).toEqual({
      user: { id: asWire('1', idType), name: '章三', department: '研发部 Engineering' },
      app: { sidebar: { opened: true } },
    });
    await vi.waitFor(() => expect(page.document.querySelectorAll('.users-table .user-name').length).toBeGreaterThan(0));
  });

  test.each(SHAPES)(
    '%s tokens, %s ids: signed out, the user is cleared and the rest of the state kept',
    async (tokens, idType) => {
      server = await startServer({ port: 0, tokens, idType });
      const state = {
        user: { id: asWire('9', idType), name: 'Chloé Dubois' },
        app: { sidebar: { opened: false } },
        settings: { theme: 'dark' },
      };
      const page = openPage({ stored: JSON.stringify(state) });
      await vi.waitFor(() => expect(page.document.querySelector('.sign-in')).not.toBeNull());
      expect(vuex(page)).toEqual({ ...state, user: null });
    },
  );

  test('opaque: a session ended on the server clears the user, though the cookie is still there', async () => {
    server = await startServer({ port: 0, tokens: 'opaque' });
    const token = await signIn('2');
    const before = openPage({ token });
    await vi.waitFor(() => expect(vuex(before)).toMatchObject({ user: { id: '2' } }));
    await http('/logout', token);
    const after = openPage();
    expect(after.document.cookie).toContain(`USERTOKEN=${token}`);
    await vi.waitFor(() => expect(after.document.querySelector('.sign-in')).not.toBeNull());
    expect(vuex(after)).toMatchObject({ user: null });
  });

  test('the Logout button clears the user at once, before the server answers', async () => {
    server = await startServer({ port: 0, idType: 'number' });
    const page = openPage({ token: await signIn('3') });
    await vi.waitFor(() => expect(vuex(page)).toMatchObject({ user: { id: 3 } }));
    page.document.querySelector('form.inline-form')?.dispatchEvent(new page.Event('submit', { cancelable: true }));
    expect(vuex(page)).toEqual({ user: null, app: { sidebar: { opened: true } } });
  });

  test('a hostile name is stored as data and rendered as text', async () => {
    server = await startServer({ port: 0 });
    const page = openPage({ token: await signIn('13') });
    await vi.waitFor(() =>
      expect(vuex(page)).toMatchObject({ user: { id: '13', name: '<img src=x onerror=alert(1)>' } }),
    );
    expect(text(page, '.header-user-name')).toBe('<img src=x onerror=alert(1)>');
    expect(page.document.querySelector('.header img')).toBeNull();
  });

  test('unreadable stored state is replaced, with a warning', async () => {
    server = await startServer({ port: 0 });
    const page = new Window({ url: `${running().httpUrl}/` });
    browser = page;
    const warn = vi.spyOn(page.console, 'warn').mockImplementation(() => undefined);
    openPage({ stored: '{not json' });
    await vi.waitFor(() => expect(vuex(page)).toEqual({ user: null, app: { sidebar: { opened: true } } }));
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('vuex state not restored'));
  });
});

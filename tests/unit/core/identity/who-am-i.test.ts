import { describe, expect, test, vi } from 'vitest';
import type { TimerHandle, Timers } from '../../../../utils/core/timers';
import { fetchWhoAmI, type WhoAmIResult } from '../../../../utils/core/identity/who-am-i';
import { DEFAULT_ID_PATHS, DEFAULT_NAME_PATHS } from '../../../../utils/core/settings/schema';

const URL = 'https://admin.example.com/api/me';
const paths = { idPaths: DEFAULT_ID_PATHS, namePaths: DEFAULT_NAME_PATHS };

function setUp(answer: (init?: RequestInit) => Promise<Response>) {
  const pending = new Map<TimerHandle, () => void>();
  let next = 0;
  const timers: Timers = {
    setTimeout(callback) {
      const handle = ++next as unknown as TimerHandle;
      pending.set(handle, callback);
      return handle;
    },
    clearTimeout(handle) {
      pending.delete(handle);
    },
  };
  const fetch = vi.fn<typeof globalThis.fetch>((_, init) => answer(init));
  const fire = () => {
    for (const callback of [...pending.values()]) callback();
  };
  const ask = (signal = new AbortController().signal) => fetchWhoAmI(URL, paths, { fetch, timers }, signal);
  return { fetch, ask, fire, pending };
}

const withRedirect = (response: Response, to: string) =>
  Object.defineProperty(Object.defineProperty(response, 'redirected', { value: true }), 'url', { value: to });

describe('fetchWhoAmI', () => {
  test.each<[string, () => Response, Partial<WhoAmIResult>]>([
    [
      'the reference server',
      () => Response.json({ code: 20000, data: { id: 1, userName: '章三' } }),
      { ok: true, user: { id: '1' as never, name: '章三' } },
    ],
    [
      'RuoYi',
      () => Response.json({ code: 200, user: { userId: 1, userName: 'admin' } }),
      { ok: true, user: { id: '1' as never, name: 'admin' } },
    ],
    [
      'JSON without the fields',
      () => Response.json({ code: 20000, data: { roles: ['admin'] } }),
      { ok: false, problem: 'no-id' },
    ],
    ['a signed-out answer in JSON', () => Response.json({ code: 50008, data: null }), { ok: false, problem: 'no-id' }],
    ['a float id', () => Response.json({ data: { id: 1.5 } }), { ok: false, problem: 'no-id' }],
    ['HTTP 401', () => new Response('', { status: 401 }), { ok: false, problem: 'http', status: 401 }],
    ['HTTP 403', () => new Response('', { status: 403 }), { ok: false, problem: 'http', status: 403 }],
    ['HTTP 404', () => new Response('', { status: 404 }), { ok: false, problem: 'http', status: 404 }],
    ['HTTP 500', () => new Response('', { status: 500 }), { ok: false, problem: 'http', status: 500 }],
    ['an HTML page', () => new Response('<html></html>'), { ok: false, problem: 'not-json' }],
    [
      'the sign-in page after a redirect',
      () => withRedirect(new Response('<html>login</html>'), 'https://admin.example.com/login'),
      { ok: false, problem: 'redirected' },
    ],
    [
      'a body of a megabyte',
      () => new Response(JSON.stringify({ data: { id: 1 }, pad: 'x'.repeat(1024 * 1024) })),
      { ok: false, problem: 'too-large' },
    ],
  ])('%s', async (_, response, expected) => {
    const { ask, pending } = setUp(() => Promise.resolve(response()));
    const result = await ask();
    expect(result).toMatchObject(expected);
    if (!result.ok) {
      // A body cut short names the address the answer came from (`response.url`, empty in a made-up Response).
      if (result.problem !== 'too-large') expect(result.detail).toContain(URL);
      else expect(result.detail).toContain('bytes');
      if (result.problem !== 'http') expect(result).not.toHaveProperty('status');
    }
    expect(pending.size).toBe(0);
  });

  test('no id: the detail names the paths tried', async () => {
    const { ask } = setUp(() => Promise.resolve(Response.json({})));
    const result = await ask();
    expect(result).toMatchObject({ ok: false, problem: 'no-id' });
    expect(!result.ok && result.detail).toContain('data.id');
  });

  test('the host cannot reach: network', async () => {
    const { ask } = setUp(() => Promise.reject(new TypeError('Failed to fetch')));
    expect(await ask()).toMatchObject({ ok: false, problem: 'network' });
  });

  test('no answer in time: timeout', async () => {
    const { ask, fire } = setUp(
      (init) =>
        new Promise((_, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal?.reason as Error))),
    );
    const pending = ask();
    fire();
    expect(await pending).toMatchObject({ ok: false, problem: 'timeout' });
  });

  test('the caller gives up: not a timeout', async () => {
    const controller = new AbortController();
    const { ask } = setUp(
      (init) =>
        new Promise((_, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal?.reason as Error))),
    );
    const pending = ask(controller.signal);
    controller.abort();
    expect(await pending).toMatchObject({ ok: false, problem: 'network' });
  });

  test('asks with the host’s cookies', async () => {
    const { ask, fetch } = setUp(() => Promise.resolve(Response.json({ id: 1 })));
    await ask();
    expect(fetch).toHaveBeenCalledWith(URL, expect.objectContaining({ credentials: 'include' }));
  });
});

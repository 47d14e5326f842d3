import { describe, expect, test, vi } from 'vitest';
import type { TimerHandle, Timers } from '../../../utils/core/timers';
import { fetchJson, FetchJsonError, type FetchJsonErrorCode } from '../../../utils/core/fetch-json';

const URL = 'https://admin.example.com/api/me';
const MAX_BYTES = 10_000;
const TIMEOUT_MS = 10_000;

/** Timers that only capture: a test fires them when it wants the timeout to happen. */
function fakeTimers() {
  const pending = new Map<TimerHandle, () => void>();
  const delays: number[] = [];
  let next = 0;
  const timers: Timers = {
    setTimeout(callback, ms) {
      const handle = ++next as unknown as TimerHandle;
      pending.set(handle, callback);
      delays.push(ms);
      return handle;
    },
    clearTimeout(handle) {
      pending.delete(handle);
    },
  };
  const fire = () => {
    for (const [handle, callback] of [...pending]) {
      pending.delete(handle);
      callback();
    }
  };
  return { timers, pending, delays, fire };
}

/** A body that hands out `chunk` on every pull, for ever (or `count` times), and counts the pulls. */
function streamed(chunk: Uint8Array, count = Number.POSITIVE_INFINITY) {
  const seen = { pulls: 0, cancelled: false };
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        seen.pulls += 1;
        if (seen.pulls > count) controller.close();
        else controller.enqueue(chunk);
      },
      cancel() {
        seen.cancelled = true;
      },
    },
    // Nothing is pulled before someone reads.
    { highWaterMark: 0 },
  );
  return { stream, seen };
}

const bytes = (text: string) => new TextEncoder().encode(text);

const redirected = (body: string, to: string) => {
  const response = new Response(body, { headers: { 'content-type': 'text/html' } });
  Object.defineProperty(response, 'redirected', { value: true });
  Object.defineProperty(response, 'url', { value: to });
  return response;
};

function setUp(answer: (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>) {
  const clock = fakeTimers();
  const fetch = vi.fn<typeof globalThis.fetch>(answer);
  const caller = new AbortController();
  const get = () =>
    fetchJson(URL, { fetch, timers: clock.timers, signal: caller.signal, timeoutMs: TIMEOUT_MS, maxBytes: MAX_BYTES });
  return { clock, fetch, caller, get };
}

/** Settles `promise` and says what it came to: the value, or the FetchJsonError's code and status. */
async function outcome(promise: Promise<unknown>) {
  try {
    return { value: await promise };
  } catch (error) {
    if (!(error instanceof FetchJsonError)) throw error;
    expect(error.name).toBe('FetchJsonError');
    return { code: error.code, status: error.status, message: error.message };
  }
}

describe('answers', () => {
  const exactly = (length: number) => `"${'x'.repeat(length - 2)}"`;
  test.each<[string, () => Response, { value: unknown } | { code: FetchJsonErrorCode; status?: number }]>([
    [
      'JSON',
      () => Response.json({ code: 20000, data: { id: 1, userName: '章三' } }),
      { value: { code: 20000, data: { id: 1, userName: '章三' } } },
    ],
    [
      'JSON with a byte order mark',
      () => new Response(new Uint8Array([0xef, 0xbb, 0xbf, ...bytes('{"id":1}')])),
      { value: { id: 1 } },
    ],
    ['JSON without a content type', () => new Response('[1,2]'), { value: [1, 2] }],
    ['JSON null', () => new Response('null'), { value: null }],
    ['HTTP 401', () => new Response('{"msg":"unauthorized"}', { status: 401 }), { code: 'http', status: 401 }],
    ['HTTP 403', () => new Response('', { status: 403 }), { code: 'http', status: 403 }],
    ['HTTP 404', () => new Response('<h1>Not Found</h1>', { status: 404 }), { code: 'http', status: 404 }],
    ['HTTP 500', () => new Response('{"error":"boom"}', { status: 500 }), { code: 'http', status: 500 }],
    [
      'an HTML page',
      () => new Response('<!doctype html><title>Admin</title>', { headers: { 'content-type': 'text/html' } }),
      { code: 'not-json' },
    ],
    ['an HTML page after whitespace', () => new Response('\n\n  <html></html>'), { code: 'not-json' }],
    ['an empty body', () => new Response(''), { code: 'not-json' }],
    ['no body at all', () => new Response(null, { status: 204 }), { code: 'not-json' }],
    ['truncated JSON', () => new Response('{"data":{"id":1'), { code: 'not-json' }],
    [
      'a redirect to the sign-in page',
      () =>
        redirected('<html><form action="/login"></form></html>', 'https://admin.example.com/login?next=%2Fapi%2Fme'),
      { code: 'redirected' },
    ],
    [
      'a redirect that still lands on JSON',
      () => Object.defineProperty(Response.json({ id: 2 }), 'redirected', { value: true }),
      { value: { id: 2 } },
    ],
    ['exactly the limit', () => new Response(exactly(MAX_BYTES)), { value: 'x'.repeat(MAX_BYTES - 2) }],
    ['one byte over the limit', () => new Response(exactly(MAX_BYTES + 1)), { code: 'too-large' }],
    [
      'Content-Length exactly the limit',
      () => new Response(exactly(MAX_BYTES), { headers: { 'content-length': String(MAX_BYTES) } }),
      { value: 'x'.repeat(MAX_BYTES - 2) },
    ],
    [
      'a Content-Length that is not a number',
      () => new Response('{"id":3}', { headers: { 'content-length': 'lots' } }),
      { value: { id: 3 } },
    ],
  ])('%s', async (_, response, expected) => {
    const { clock, fetch, get } = setUp(() => Promise.resolve(response()));
    expect(await outcome(get())).toMatchObject(expected);
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(clock.delays).toEqual([TIMEOUT_MS]);
    expect(clock.pending.size).toBe(0);
  });

  test('asks for JSON with the host’s cookies, and a signal', async () => {
    const { fetch, get } = setUp(() => Promise.resolve(Response.json({})));
    await get();
    const [url, init] = fetch.mock.calls[0]!;
    expect(url).toBe(URL);
    expect(init).toMatchObject({ credentials: 'include', headers: { Accept: 'application/json' } });
    expect(init?.signal).toBeInstanceOf(AbortSignal);
  });

  test('the messages say what happened, and where', async () => {
    const http = await outcome(setUp(() => Promise.resolve(new Response('', { status: 502 }))).get());
    expect(http.message).toContain('HTTP 502');
    expect(http.message).toContain(URL);
    const html = await outcome(setUp(() => Promise.resolve(new Response('<html>'))).get());
    expect(html.message).toContain('HTML');
    const login = await outcome(
      setUp(() => Promise.resolve(redirected('<html>', 'https://admin.example.com/login'))).get(),
    );
    expect(login.message).toContain('https://admin.example.com/login');
  });

  test('a character split between chunks is decoded whole', async () => {
    const encoded = bytes('{"name":"章三"}');
    const cut = encoded.indexOf(0xe4) + 1; // inside 章
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(encoded.slice(0, cut));
        controller.enqueue(encoded.slice(cut));
        controller.close();
      },
    });
    expect(await setUp(() => Promise.resolve(new Response(stream))).get()).toEqual({ name: '章三' });
  });
});

describe('bodies too large are not read', () => {
  test('a declared Content-Length over the limit: refused without reading', async () => {
    const { stream, seen } = streamed(bytes('x'.repeat(1_000)));
    const { clock, get } = setUp(() =>
      Promise.resolve(new Response(stream, { headers: { 'content-length': String(MAX_BYTES + 1) } })),
    );
    expect(await outcome(get())).toMatchObject({ code: 'too-large' });
    expect(seen.pulls).toBe(0);
    expect(seen.cancelled).toBe(true);
    expect(clock.pending.size).toBe(0);
  });

  test.each<[string, Record<string, string>]>([
    ['no Content-Length', {}],
    ['a Content-Length that lies', { 'content-length': '10' }],
  ])('%s and a body that never ends: reading stops at the limit', async (_, headers) => {
    const chunk = bytes('x'.repeat(1_024));
    const { stream, seen } = streamed(chunk);
    const { clock, get } = setUp(() => Promise.resolve(new Response(stream, { headers })));
    expect(await outcome(get())).toMatchObject({ code: 'too-large' });
    const needed = Math.ceil((MAX_BYTES + 1) / chunk.byteLength);
    expect(seen.pulls).toBeGreaterThanOrEqual(needed);
    expect(seen.pulls).toBeLessThanOrEqual(needed + 1);
    expect(seen.cancelled).toBe(true);
    expect(clock.pending.size).toBe(0);
  });

  test('a body that ends just under the limit is read whole', async () => {
    const { stream } = streamed(bytes('1'.repeat(1_000)), 9);
    expect(await setUp(() => Promise.resolve(new Response(stream))).get()).toBe(Number('1'.repeat(9_000)));
  });

  test('an error answer’s body is not read', async () => {
    const { stream, seen } = streamed(bytes('x'.repeat(1_000)));
    expect(await outcome(setUp(() => Promise.resolve(new Response(stream, { status: 500 }))).get())).toMatchObject({
      code: 'http',
      status: 500,
    });
    expect(seen.pulls).toBe(0);
    expect(seen.cancelled).toBe(true);
  });
});

/** A fetch that answers nothing until its signal aborts, then rejects as the real one does. */
const hanging = (_: RequestInfo | URL, init?: RequestInit) =>
  new Promise<Response>((_resolve, reject) => {
    const signal = init?.signal;
    if (signal?.aborted) reject(signal.reason as Error);
    signal?.addEventListener('abort', () => reject(signal.reason as Error), { once: true });
  });

describe('failures on the way', () => {
  test('fetch rejects: network', async () => {
    const { clock, get } = setUp(() => Promise.reject(new TypeError('Failed to fetch')));
    const result = await outcome(get());
    expect(result).toMatchObject({ code: 'network', status: undefined });
    expect(result.message).toContain('Failed to fetch');
    expect(clock.pending.size).toBe(0);
  });

  test('fetch throws synchronously: network', async () => {
    const { get } = setUp(() => {
      throw new TypeError('Invalid URL');
    });
    expect(await outcome(get())).toMatchObject({ code: 'network' });
  });

  test('no answer before the timer fires: timeout', async () => {
    const { clock, get } = setUp(hanging);
    const pending = get();
    expect(clock.pending.size).toBe(1);
    clock.fire();
    const result = await outcome(pending);
    expect(result).toMatchObject({ code: 'timeout' });
    expect(result.message).toContain('10 s');
  });

  test('a fetch that ignores its signal still times out', async () => {
    const { clock, get } = setUp(() => new Promise<Response>(() => undefined));
    const pending = get();
    clock.fire();
    expect(await outcome(pending)).toMatchObject({ code: 'timeout' });
  });

  test('a body that stops coming: timeout, and the body is let go', async () => {
    const seen = { cancelled: false };
    let reading: () => void = () => undefined;
    const read = new Promise<void>((resolve) => {
      reading = resolve;
    });
    const stalled = new ReadableStream<Uint8Array>(
      {
        pull: () => {
          reading();
          return new Promise<void>(() => undefined);
        },
        cancel() {
          seen.cancelled = true;
        },
      },
      { highWaterMark: 0 },
    );
    const { clock, get } = setUp(() => Promise.resolve(new Response(stalled)));
    const pending = get();
    await read;
    clock.fire();
    expect(await outcome(pending)).toMatchObject({ code: 'timeout' });
    expect(seen.cancelled).toBe(true);
  });

  test('the caller’s own abort is not a timeout', async () => {
    const { clock, caller, get } = setUp(hanging);
    const pending = get();
    caller.abort();
    const result = await outcome(pending);
    expect(result.code).toBe('network');
    expect(clock.pending.size).toBe(0);
  });

  test('a caller that aborted already: fetch is told, and it is not a timeout', async () => {
    const { caller, fetch, get } = setUp(hanging);
    caller.abort();
    expect((await outcome(get())).code).toBe('network');
    expect(fetch.mock.calls[0]?.[1]?.signal?.aborted).toBe(true);
  });

  test('the timer is cleared whatever happened', async () => {
    for (const answer of [
      () => Promise.resolve(Response.json({})),
      () => Promise.resolve(new Response('', { status: 500 })),
      () => Promise.reject(new TypeError('offline')),
      () => Promise.resolve(new Response('<html>')),
    ]) {
      const { clock, get } = setUp(answer);
      await get().catch(() => undefined);
      expect(clock.pending.size).toBe(0);
    }
  });
});

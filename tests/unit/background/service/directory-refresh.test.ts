import { afterEach, describe, expect, test, vi } from 'vitest';
import type { Timers } from '../../../../utils/core/timers';
import {
  DIRECTORY_TIMEOUT_MS,
  fetchDirectory,
  type DirectoryList,
} from '../../../../utils/background/service/directory-fetch';
import { probeDirectory } from '../../../../utils/background/probes/directory-probe';
import { refreshDirectory } from '../../../../utils/background/service/directory-refresh';
import { defaultSettings } from '../../../../utils/core/settings/validate';

const settings = { ...defaultSettings().directory, url: 'https://admin.example.com/api/users', refreshMinutes: 15 };
const timers: Timers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle),
};
const MiB = 1024 * 1024;

afterEach(() => {
  vi.useRealTimers();
});

/** A body of `count` chunks handed out one per pull, with no Content-Length; counts the pulls. */
function streamed(chunk: Uint8Array, count: number) {
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
    { highWaterMark: 0 },
  );
  return { stream, seen };
}

const hanging = () => vi.fn<typeof fetch>(() => new Promise<Response>(() => undefined));

describe('reading the host user list', () => {
  test('a body without Content-Length is given up past 8 MiB, not read to its end', async () => {
    const { stream, seen } = streamed(new Uint8Array(MiB).fill(0x20), 64);
    const fetch = () => Promise.resolve(new Response(stream));
    await expect(fetchDirectory(settings, { fetch, timers }, new AbortController().signal)).rejects.toMatchObject({
      name: 'DirectoryError',
      code: 'too-large',
    });
    expect(seen.pulls).toBeLessThanOrEqual(9);
    expect(seen.cancelled).toBe(true);
  });

  test('a host that never answers is given up after the timeout', async () => {
    vi.useFakeTimers();
    const fetch = hanging();
    const result = fetchDirectory(settings, { fetch, timers }, new AbortController().signal);
    const failed = expect(result).rejects.toMatchObject({ name: 'DirectoryError', code: 'timeout' });
    await vi.advanceTimersByTimeAsync(DIRECTORY_TIMEOUT_MS);
    await failed;
    expect(fetch.mock.calls[0]?.[1]?.signal?.aborted).toBe(true);
  });

  test('one hung fetch does not stop the later refreshes', async () => {
    vi.useFakeTimers();
    const fetch = hanging();
    const lists: DirectoryList[] = [];
    const stop = new AbortController();
    refreshDirectory(settings, { fetch, timers }, (list) => lists.push(list), stop.signal);
    expect(fetch).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(DIRECTORY_TIMEOUT_MS + settings.refreshMinutes * 60_000);
    expect(fetch).toHaveBeenCalledTimes(2);
    fetch.mockResolvedValue(Response.json([{ id: 1, name: '章三' }]));
    await vi.advanceTimersByTimeAsync(DIRECTORY_TIMEOUT_MS + settings.refreshMinutes * 60_000);
    expect(fetch).toHaveBeenCalledTimes(3);
    expect(lists).toEqual([{ entries: [['1', '章三']], skipped: 0, beyond: 0 }]);
    stop.abort();
  });
});

describe('the options page’s Test says why it failed', () => {
  const request = { probe: 'directory' as const, directory: settings };
  const deps = (fetch: typeof globalThis.fetch) => ({ fetch, timers, missingOrigins: () => Promise.resolve([]) });

  test.each<[string, () => Promise<Response>, string]>([
    [
      'sent to a sign-in page',
      () =>
        Promise.resolve(
          Object.defineProperties(new Response('<html>Sign in</html>'), {
            redirected: { value: true },
            url: { value: 'https://admin.example.com/login' },
          }),
        ),
      'redirected',
    ],
    ['not JSON', () => Promise.resolve(new Response('<html></html>')), 'not-json'],
    ['refused', () => Promise.resolve(new Response('', { status: 401 })), 'http'],
    [
      'declared too large',
      () => Promise.resolve(new Response('[]', { headers: { 'content-length': String(9 * MiB) } })),
      'too-large',
    ],
    ['not a list', () => Promise.resolve(Response.json({ users: [] })), 'not-a-list'],
  ])('%s', async (_, answer, code) => {
    expect(await probeDirectory(request, deps(answer), new AbortController().signal)).toMatchObject({
      outcome: 'failed',
      code,
    });
  });

  test('a host that does not answer: timeout', async () => {
    vi.useFakeTimers();
    const result = probeDirectory(request, deps(hanging()), new AbortController().signal);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(await result).toMatchObject({ outcome: 'failed', code: 'timeout' });
  });
});

import type { Timers } from './timers';

export type FetchJsonErrorCode = 'network' | 'timeout' | 'http' | 'redirected' | 'not-json' | 'too-large';

/** Why a host address did not give us JSON; `status` is the HTTP status when there was one. */
export class FetchJsonError extends Error {
  override readonly name = 'FetchJsonError';

  constructor(
    readonly code: FetchJsonErrorCode,
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

export interface FetchJsonOptions {
  readonly fetch: typeof fetch;
  readonly timers: Timers;
  readonly signal: AbortSignal;
  readonly timeoutMs: number;
  readonly maxBytes: number;
}

/**
 * GETs JSON from the host with its cookies. The body is read as a stream and given up at
 * `maxBytes` (a missing or lying Content-Length cannot make us buffer more), and the whole
 * exchange at `timeoutMs`, so one hung host never stalls whoever waits for it.
 */
export async function fetchJson(url: string, options: FetchJsonOptions): Promise<unknown> {
  const timeout = new AbortController();
  const timer = options.timers.setTimeout(() => timeout.abort(), options.timeoutMs);
  const signal = AbortSignal.any([options.signal, timeout.signal]);
  const failed = (error: unknown, what: string): FetchJsonError =>
    timeout.signal.aborted && !options.signal.aborted
      ? new FetchJsonError('timeout', `${url} did not answer within ${Math.round(options.timeoutMs / 1000)} s`)
      : new FetchJsonError('network', `${what} ${url}: ${error instanceof Error ? error.message : String(error)}`);
  try {
    let response: Response;
    try {
      response = await untilAborted(
        options.fetch(url, { credentials: 'include', signal, headers: { Accept: 'application/json' } }),
        signal,
      );
    } catch (error) {
      throw failed(error, 'could not reach');
    }
    if (!response.ok) {
      void response.body?.cancel().catch(() => undefined);
      throw new FetchJsonError('http', `${url} answered HTTP ${response.status}`, response.status);
    }
    const declared = Number(response.headers.get('content-length') ?? 0);
    if (declared > options.maxBytes) {
      void response.body?.cancel().catch(() => undefined);
      throw new FetchJsonError('too-large', `${url} answered ${declared} bytes (at most ${options.maxBytes})`);
    }
    let text: string;
    try {
      text = await readText(response, options.maxBytes, signal);
    } catch (error) {
      if (error instanceof FetchJsonError) throw error;
      throw failed(error, 'could not read');
    }
    try {
      return JSON.parse(text) as unknown;
    } catch {
      // A session that expired usually lands on the sign-in page: say so rather than "not JSON".
      if (response.redirected)
        throw new FetchJsonError('redirected', `${url} sent us to ${response.url}, not JSON (a sign-in page?)`);
      const html = /^\s*</.test(text);
      throw new FetchJsonError('not-json', `${url} answered ${html ? 'an HTML page' : 'something'} that is not JSON`);
    }
  } finally {
    options.timers.clearTimeout(timer);
  }
}

/**
 * `promise`, or a rejection as soon as `signal` aborts. The browser's fetch and its body give up by
 * themselves when their signal aborts; this holds the timeout for any `fetch` injected, too.
 */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const abort = () => reject(signal.reason instanceof Error ? signal.reason : new Error(String(signal.reason)));
    if (signal.aborted) abort();
    signal.addEventListener('abort', abort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', abort));
  });
}

async function readText(response: Response, maxBytes: number, signal: AbortSignal): Promise<string> {
  const reader = response.body?.getReader();
  if (!reader) return '';
  const decoder = new TextDecoder();
  let text = '';
  let bytes = 0;
  for (;;) {
    let chunk: ReadableStreamReadResult<Uint8Array>;
    try {
      chunk = await untilAborted(reader.read(), signal);
    } catch (error) {
      // Given up (timeout, the caller): let the body go rather than leave a read hanging on it.
      void reader.cancel().catch(() => undefined);
      throw error;
    }
    const { done, value } = chunk;
    if (done) return text + decoder.decode();
    bytes += value.byteLength;
    if (bytes > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new FetchJsonError('too-large', `${response.url || 'the answer'} is over ${maxBytes} bytes`);
    }
    text += decoder.decode(value, { stream: true });
  }
}

import type { Timers } from '../timers';
import { fetchJson, FetchJsonError, type FetchJsonErrorCode } from '../fetch-json';
import { readIdentityJson, type NamedId } from './identity-json';

export type WhoAmIProblem = FetchJsonErrorCode | 'no-id';

export type WhoAmIResult =
  | { readonly ok: true; readonly user: NamedId }
  | { readonly ok: false; readonly problem: WhoAmIProblem; readonly detail: string; readonly status?: number };

export interface WhoAmIDeps {
  readonly fetch: typeof fetch;
  readonly timers: Timers;
}

/** A user record is small; a "who am I" answer of megabytes is not one. */
const MAX_BYTES = 256 * 1024;
const TIMEOUT_MS = 10_000;

/** Asks the host's "who am I" address, with the host's cookies, and reads the user out of its JSON. */
export async function fetchWhoAmI(
  url: string,
  paths: { readonly idPaths: readonly string[]; readonly namePaths: readonly string[] },
  deps: WhoAmIDeps,
  signal: AbortSignal,
): Promise<WhoAmIResult> {
  try {
    const json = await fetchJson(url, { ...deps, signal, timeoutMs: TIMEOUT_MS, maxBytes: MAX_BYTES });
    const user = readIdentityJson(json, paths.idPaths, paths.namePaths);
    return user
      ? { ok: true, user }
      : {
          ok: false,
          problem: 'no-id',
          detail: `${url} answered JSON without an id at ${paths.idPaths.slice(0, 3).join(', ')}…`,
        };
  } catch (error) {
    if (error instanceof FetchJsonError)
      return {
        ok: false,
        problem: error.code,
        detail: error.message,
        ...(error.status ? { status: error.status } : {}),
      };
    return { ok: false, problem: 'network', detail: String(error) };
  }
}

import type { Timers } from '../../core/timers';
import { DirectoryError, fetchDirectory } from '../service/directory-fetch';
import { requiredOrigins } from '../../core/settings/origins';
import type { DirectoryProbeRequest, DirectoryProbeResult } from '../../core/messages/options-background-probes';

export interface DirectoryProbeDeps {
  readonly fetch: typeof fetch;
  readonly timers: Timers;
  readonly missingOrigins: (origins: readonly string[]) => Promise<string[]>;
}

const SAMPLE = 3;
const TIMEOUT_MS = 10_000;

/** "Test" of the user list: fetched exactly as the background fetches it (with the host's cookies). */
export async function probeDirectory(
  request: DirectoryProbeRequest,
  deps: DirectoryProbeDeps,
  signal: AbortSignal,
): Promise<DirectoryProbeResult> {
  const { directory } = request;
  if (!directory.url) return { outcome: 'not-configured' };
  const missing = await deps.missingOrigins(requiredOrigins({ serverUrl: '', auth: { cookieUrl: '' }, directory }));
  if (missing.length > 0) return { outcome: 'no-permission', origins: missing };
  try {
    const list = await fetchDirectory(directory, deps, signal, TIMEOUT_MS);
    const { entries, skipped, beyond } = list;
    return {
      outcome: 'read',
      users: entries.length,
      skipped,
      beyond,
      sample: entries.slice(0, SAMPLE).map(([, name]) => name),
    };
  } catch (error) {
    if (error instanceof DirectoryError)
      return { outcome: 'failed', code: error.code, detail: error.message.slice(0, 500) };
    return { outcome: 'failed', code: 'network', detail: String(error).slice(0, 500) };
  }
}

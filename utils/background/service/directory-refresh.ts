import type { TimerHandle } from '../../core/timers';
import { createLogger } from '../../core/log';
import { fetchDirectory, type DirectoryList } from './directory-fetch';
import type { DirectorySettings } from '../../core/settings/schema';
import type { RosterDeps } from './deps';

const log = createLogger('directory');

/**
 * Keeps the host system's user list fresh: now, then every `refreshMinutes`, until `signal`
 * aborts. A failed fetch (a timeout included: see `fetchDirectory`) keeps the names we had and
 * tries again at the next tick.
 */
export function refreshDirectory(
  settings: DirectorySettings,
  deps: Pick<RosterDeps, 'fetch' | 'timers'>,
  onList: (list: DirectoryList) => void,
  signal: AbortSignal,
): void {
  if (!settings.url || signal.aborted) return;
  let timer: TimerHandle | undefined;
  const tick = async () => {
    try {
      const list = await fetchDirectory(settings, deps, signal);
      if (list.beyond > 0)
        log.warn(
          `the user list is longer than Roster keeps: ${list.entries.length} users read, ${list.beyond} entries after them not used`,
        );
      if (!signal.aborted) onList(list);
    } catch (error) {
      if (!signal.aborted) log.warn('could not read the user list', error);
    }
    if (!signal.aborted) timer = deps.timers.setTimeout(() => void tick(), settings.refreshMinutes * 60_000);
  };
  signal.addEventListener('abort', () => timer !== undefined && deps.timers.clearTimeout(timer), { once: true });
  void tick();
}

/**
 * The refresh loop, started again at every sign-in: a list read while signed out was refused
 * (the host answers 401 without its session cookie) and would otherwise stay empty until the
 * next periodic refresh.
 */
export function startDirectoryRefresh(
  settings: DirectorySettings,
  deps: Pick<RosterDeps, 'fetch' | 'timers'>,
  onList: (list: DirectoryList) => void,
  signal: AbortSignal,
): { readonly signedIn: () => void } {
  let loop: AbortController | undefined;
  const start = () => {
    loop?.abort();
    loop = new AbortController();
    refreshDirectory(settings, deps, onList, AbortSignal.any([signal, loop.signal]));
  };
  start();
  return { signedIn: start };
}

import type { Timers } from '../../core/timers';
import { createLogger } from '../../core/log';
import type { UserId } from '../../core/protocol/schemas';
import { MAX_NAME_LENGTH } from '../../core/protocol/limits';

const log = createLogger('content');
/** The background refuses bigger requests. */
export const LEARN_BATCH = 5_000;
const DELAY_MS = 250;

export interface NameLearnerDeps {
  readonly send: (names: [UserId, string][]) => Promise<unknown>;
  /** The name the directory already has for an id: no need to teach it. */
  readonly known: (id: UserId) => string | undefined;
  readonly timers: Timers;
}

/**
 * Collects ids and names seen together in host rows and teaches them to the background in a few
 * batched, de-duplicated requests: a table of 10,000 rows is two messages, not 10,000.
 */
export function createNameLearner(deps: NameLearnerDeps, signal: AbortSignal): (id: UserId, name: string) => void {
  const waiting = new Map<UserId, string>();
  const taught = new Map<UserId, string>();
  let timer: ReturnType<Timers['setTimeout']> | undefined;

  const flush = () => {
    timer = undefined;
    if (signal.aborted) return;
    const entries = [...waiting];
    waiting.clear();
    for (let start = 0; start < entries.length; start += LEARN_BATCH) {
      const batch = entries.slice(start, start + LEARN_BATCH);
      deps.send(batch).catch((error: unknown) => {
        // The background is away (restarting, or the extension reloaded): try these again next time they are seen.
        for (const [id, name] of batch) if (taught.get(id) === name) taught.delete(id);
        log.debug('could not teach names', error);
      });
    }
  };

  signal.addEventListener('abort', () => timer !== undefined && deps.timers.clearTimeout(timer), { once: true });
  return (id, name) => {
    // The background refuses a whole batch over one overlong name: such a name is not taught at all.
    if (signal.aborted || name.length > MAX_NAME_LENGTH || deps.known(id) !== undefined || taught.get(id) === name)
      return;
    taught.set(id, name);
    waiting.set(id, name);
    timer ??= deps.timers.setTimeout(flush, DELAY_MS);
  };
}

/** How often to re-check besides events: predicates may also depend on things outside the server. */
const POLL_MS = 20;

export interface WaitForDeps {
  /** Subscribes to "something happened"; returns the unsubscribe function. */
  readonly onChange: (listener: () => void) => () => void;
  /** The state to show in a timeout message. */
  readonly describe: () => string;
}

export function waitFor(predicate: () => boolean, timeoutMs: number, deps: WaitForDeps): Promise<void> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const finish = (error?: Error): void => {
      if (settled) return;
      settled = true;
      clearInterval(poll);
      clearTimeout(timer);
      unsubscribe();
      if (error) reject(error);
      else resolve();
    };
    const check = (): void => {
      try {
        if (predicate()) finish();
      } catch (error) {
        finish(error instanceof Error ? error : new Error(String(error)));
      }
    };
    const unsubscribe = deps.onChange(check);
    const poll = setInterval(check, POLL_MS);
    const timer = setTimeout(() => {
      const source = predicate.toString().replace(/\s+/g, ' ').slice(0, 200);
      finish(new Error(`waitFor: not true after ${timeoutMs} ms: ${source} (${deps.describe()})`));
    }, timeoutMs);
    check();
  });
}

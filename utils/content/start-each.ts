import { createLogger } from '../core/log';

const log = createLogger('content');

/**
 * Starts the content script's features one by one, each on its own: one that throws (or whose
 * start rejects) is logged and the others still run, so a broken toast never costs the marks.
 */
export function startEach(features: Readonly<Record<string, () => unknown>>): void {
  for (const [name, start] of Object.entries(features)) {
    try {
      const started = start();
      if (started instanceof Promise) started.catch((error: unknown) => log.error(`${name} failed to start`, error));
    } catch (error) {
      log.error(`${name} failed to start`, error);
    }
  }
}

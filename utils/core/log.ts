export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';

const rank: Record<LogLevel, number> = { debug: 0, info: 1, warn: 2, error: 3, silent: 4 };

function defaultLevel(): LogLevel {
  // Vite defines `import.meta.env`; plain Node (the benchmarks, under tsx) has none.
  const env = (import.meta as Partial<ImportMeta>).env;
  if (!env) return 'warn';
  if (env.MODE === 'test') return 'silent';
  return env.PROD ? 'warn' : 'debug';
}

let threshold: LogLevel = defaultLevel();

/** Lets a test hear what would be logged (tests are silent otherwise). */
export function setLogLevel(level: LogLevel): void {
  threshold = level;
}

export interface Logger {
  debug(message: string, ...details: unknown[]): void;
  info(message: string, ...details: unknown[]): void;
  warn(message: string, ...details: unknown[]): void;
  error(message: string, ...details: unknown[]): void;
}

/** A logger whose lines start with `[roster:<scope>]` so they can be filtered in DevTools. */
export function createLogger(scope: string): Logger {
  const prefix = `[roster:${scope}]`;
  const at =
    (level: Exclude<LogLevel, 'silent'>) =>
    (message: string, ...details: unknown[]): void => {
      if (rank[level] < rank[threshold]) return;
      console[level](prefix, message, ...details);
    };
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

import type { LogLevel, UserRecord } from './types';

export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  /** Off unless the level is 'debug': per-frame chatter. */
  debug(message: string): void;
}

export function createLogger(sink: ((line: string) => void) | undefined, level: LogLevel = 'info'): Logger {
  if (!sink) return { info: noop, warn: noop, debug: noop };
  const write = (tag: string, message: string): void =>
    // One line per event, whatever a message carries: log readers split on newlines.
    sink(`${new Date().toISOString()} ${tag} ${message.replace(/[\r\n]+/g, ' ')}`);
  return {
    info: (message) => write('info ', message),
    warn: (message) => write('warn ', message),
    debug: level === 'debug' ? (message) => write('debug', message) : noop,
  };
}

/** How logs name a user: id and name, never the token. */
export function who(user: Pick<UserRecord, 'id' | 'name'>): string {
  return `${user.id} ${JSON.stringify(user.name)}`;
}

function noop(): void {}

import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { Emitter } from '../emitter';
import { createLogger } from '../log';
import type { Settings } from '../settings/schema';
import { followSettings } from '../settings/storage';
import { whileExtensionAlive } from './alive-signal';

const log = createLogger('content');

/** The effective settings as this page sees them, for every part of the content script. */
export interface PageSettings {
  /** `undefined` until the first read answers. */
  current(): Settings | undefined;
  subscribe(listener: (settings: Settings) => void, signal: AbortSignal): void;
}

export function followPageSettings(ctx: ContentScriptContext): PageSettings {
  let current: Settings | undefined;
  const changes = new Emitter<Settings>((error) => log.error('a settings listener failed', error));
  followSettings((effective) => {
    current = effective.settings;
    changes.emit(current);
  }, whileExtensionAlive(ctx.signal));
  return {
    current: () => current,
    subscribe(listener, signal) {
      changes.subscribe(listener, signal);
      if (current) listener(current);
    },
  };
}

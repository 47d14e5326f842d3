import { Emitter } from '../../core/emitter';
import { createLogger } from '../../core/log';
import type { RosterClient } from '../../core/roster-client';
import type { PageConfig } from '../../core/messages/page-config';

const log = createLogger('content');

/** The settings this page needs, as the background sends them, for every part of the content script. */
export interface PageSettings {
  /** `undefined` until the background's first message. */
  current(): PageConfig | undefined;
  subscribe(listener: (config: PageConfig) => void, signal: AbortSignal): void;
}

/** Follows the page's part of the settings over the port (content scripts read no storage). */
export function pageSettingsOf(client: RosterClient, signal: AbortSignal): PageSettings {
  let current: PageConfig | undefined;
  let key = '';
  const changes = new Emitter<PageConfig>((error) => log.error('a settings listener failed', error));
  client.subscribe((state, event) => {
    if (event.type !== 'state' && event.type !== 'page') return;
    const next = JSON.stringify(state.page);
    if (next === key) return;
    key = next;
    current = state.page;
    changes.emit(current);
  }, signal);
  return {
    current: () => current,
    subscribe(listener, subscription) {
      changes.subscribe(listener, subscription);
      if (current) listener(current);
    },
  };
}

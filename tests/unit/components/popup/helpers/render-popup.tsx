import { render, type RenderResult } from '@testing-library/preact';
import { vi } from 'vitest';
import type { BrowserActions } from '../../../../../utils/pages/popup/browser-actions';
import type { ShortcutPort } from '../../../../../utils/pages/browser-shortcut';
import { Popup } from '../../../../../components/popup/Popup';
import type { RosterState } from '../../../../../utils/core/messages/roster-state';
import { FakeClient } from './fake-client';
import { useMessages } from './i18n';

export interface Rendered extends RenderResult {
  readonly client: FakeClient;
  readonly actions: {
    openOptions: ReturnType<typeof vi.fn<BrowserActions['openOptions']>>;
    requestOrigins: ReturnType<typeof vi.fn<BrowserActions['requestOrigins']>>;
    shortcut: {
      current: ReturnType<typeof vi.fn<ShortcutPort['current']>>;
      openSettings: ReturnType<typeof vi.fn<ShortcutPort['openSettings']>>;
    };
  };
}

/** The popup over a fake background, in English unless asked, with browser actions that record. */
export function renderPopup(
  state: RosterState | undefined,
  options: { language?: 'en' | 'zh_CN'; client?: FakeClient; shortcut?: string } = {},
): Rendered {
  const language = options.language ?? 'en';
  useMessages(language);
  const client = options.client ?? new FakeClient(state);
  const actions = {
    openOptions: vi.fn<BrowserActions['openOptions']>(() => Promise.resolve(true)),
    requestOrigins: vi.fn<BrowserActions['requestOrigins']>(() => Promise.resolve(true)),
    shortcut: {
      current: vi.fn<ShortcutPort['current']>(() =>
        Promise.resolve('shortcut' in options ? options.shortcut : 'Alt+Shift+R'),
      ),
      openSettings: vi.fn<ShortcutPort['openSettings']>(() => Promise.resolve()),
    },
  };
  const result = render(<Popup client={client} actions={actions} locale={language === 'en' ? 'en-US' : 'zh-CN'} />);
  return { ...result, client, actions };
}

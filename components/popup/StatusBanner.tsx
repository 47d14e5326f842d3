import { useState } from 'preact/hooks';
import type { ConnectionStatus } from '../../utils/core/messages/connection-status';
import { t } from '../../utils/extension/i18n';
import type { RosterState } from '../../utils/core/messages/roster-state';
import { useNow } from '../use-roster';
import type { BrowserActions } from '../../utils/pages/popup/browser-actions';
import { originHost, siteLink, statusText, type StatusAction } from '../../utils/pages/status-text';

interface Props {
  readonly status: ConnectionStatus;
  readonly setup: RosterState['setup'];
  readonly actions: BrowserActions;
  readonly onRetry: () => void;
}

/**
 * The connection in plain words, and the one thing to do about it. Only the headline is a live
 * region: it changes with the state, while the countdown below it ticks every second unheard.
 */
export function StatusBanner({ status, setup, actions, onRetry }: Props) {
  const now = useNow(status.nextRetryAt !== undefined ? 1_000 : null);
  const text = statusText(status, now);
  const hosts = setup.missingOrigins.map(originHost).join(', ');
  return (
    <section class={`status status--${text.tone}`} aria-labelledby="status-headline">
      <p id="status-headline" class="status__headline" role="status">
        <span class="status__dot" aria-hidden="true" />
        {t(text.key)}
      </p>
      {text.hintKey && <p class="status__hint">{t(text.hintKey, ...(text.hintArgs ?? [hosts]))}</p>}
      {text.detail && <p class="status__detail">{t('popupLastError', text.detail)}</p>}
      {(text.retryInSeconds !== undefined || text.action) && (
        <div class="status__actions">
          {text.retryInSeconds !== undefined && (
            <span class="status__countdown">{t('statusRetrying', text.retryInSeconds)}</span>
          )}
          {text.action && <Action action={text.action} setup={setup} actions={actions} onRetry={onRetry} />}
        </div>
      )}
    </section>
  );
}

function Action({ action, setup, actions, onRetry }: { readonly action: StatusAction } & Omit<Props, 'status'>) {
  const [refused, setRefused] = useState<'permission' | 'options' | null>(null);
  switch (action) {
    case 'retry':
      return (
        <button type="button" class="button button--small" onClick={onRetry}>
          {t('retryNow')}
        </button>
      );
    case 'sign-in':
    case 'open-site': {
      const url = siteLink(setup.siteUrl);
      return url ? (
        <a class="button button--small" href={url} target="_blank" rel="noopener noreferrer">
          {t(action === 'sign-in' ? 'popupSignIn' : 'popupOpenSite')}
        </a>
      ) : null;
    }
    case 'options':
      return (
        <>
          <button
            type="button"
            class="button button--small"
            onClick={() => void actions.openOptions().then((opened) => setRefused(opened ? null : 'options'))}
          >
            {t('popupOpenSettings')}
          </button>
          {refused === 'options' && <span class="status__note">{t('popupNoSettingsPage')}</span>}
        </>
      );
    case 'permission':
      return (
        <>
          <button
            type="button"
            class="button button--small"
            // Straight from the click: the browser shows its prompt only inside the user's gesture.
            onClick={() =>
              void actions
                .requestOrigins(setup.missingOrigins)
                .then((granted) => setRefused(granted ? null : 'permission'))
            }
          >
            {t('popupGrantAccess')}
          </button>
          {refused === 'permission' && <span class="status__note">{t('popupAccessRefused')}</span>}
        </>
      );
  }
}

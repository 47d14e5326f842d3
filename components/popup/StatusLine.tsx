import type { ConnectionStatus } from '../../utils/connection/types';
import { t } from '../../utils/i18n';
import { useNow } from '../use-roster';
import { statusText } from './status-text';

interface Props {
  readonly status: ConnectionStatus;
  readonly onRetry: () => void;
}

export function StatusLine({ status, onRetry }: Props) {
  const now = useNow(status.nextRetryAt !== undefined);
  const text = statusText(status, now);
  return (
    <p class={`status status--${text.tone}`} role="status">
      <span>{t(text.key, ...text.substitutions)}</span>
      {status.lastError && text.tone !== 'ok' && <span class="status__detail">{status.lastError}</span>}
      {text.canRetry && (
        <button type="button" class="link-button" onClick={onRetry}>
          {t('retryNow')}
        </button>
      )}
    </p>
  );
}

import type { RosterClient } from '../../utils/messaging/client';
import { t } from '../../utils/i18n';
import { useRoster } from '../use-roster';
import { OnlineList } from './OnlineList';
import { StatusLine } from './StatusLine';

export function Popup({ client }: { readonly client: RosterClient }) {
  const state = useRoster(client);
  return (
    <main class="popup" aria-busy={state === undefined}>
      <header>
        <h1>{t('extName')}</h1>
      </header>
      {state && (
        <>
          <StatusLine status={state.connection} onRetry={() => void client.request({ op: 'retryNow' })} />
          <OnlineList state={state} onCall={(to) => client.request({ op: 'sendCall', to })} />
        </>
      )}
    </main>
  );
}

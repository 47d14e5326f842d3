import { useCallback, useLayoutEffect, useMemo, useState } from 'preact/hooks';
import { t } from '../../utils/extension/i18n';
import type { RosterClient } from '../../utils/core/roster-client';
import type { UserId } from '../../utils/core/protocol/schemas';
import type { RosterState } from '../../utils/core/messages/roster-state';
import { ErrorBoundary } from '../ErrorBoundary';
import { useNow, useRoster } from '../use-roster';
import type { BrowserActions } from '../../utils/pages/popup/browser-actions';
import { openingTab, owedCalls, ringingCalls } from '../../utils/pages/popup/call-log';
import { CallsPanel } from './CallsPanel';
import { Header } from './Header';
import { LocaleContext } from '../../utils/pages/popup/locale';
import { mePerson, person } from '../../utils/pages/popup/people';
import { PeoplePanel } from './PeoplePanel';
import { markFirstRender } from '../../utils/pages/popup/perf-marks';
import { panelId, PopupTabs, tabId, type TabName } from './PopupTabs';
import { RingingCalls } from './RingingCalls';
import { ShortcutFooter } from './ShortcutFooter';
import { StatusBanner } from './StatusBanner';
import { UnknownMe } from './UnknownMe';
import { useAnnouncer } from './use-announcer';
import { CallAboutBar } from './CallAboutBar';
import { useCallAbout } from './use-call-about';
import { useCallActions } from './use-call-actions';
import { useCallsSeen } from './use-calls-seen';

interface Props {
  readonly client: RosterClient;
  readonly actions: BrowserActions;
  /** The browser's UI language, for dates and the order of names. */
  readonly locale: string;
}

/** The toolbar popup: drawn from the background's state the moment it arrives, then kept live. */
export function Popup(props: Props) {
  return (
    <ErrorBoundary>
      <PopupView {...props} />
    </ErrorBoundary>
  );
}

function PopupView({ client, actions, locale }: Props) {
  const state = useRoster(client);
  return (
    <LocaleContext.Provider value={locale}>
      <main class="popup" aria-busy={state === undefined}>
        {state ? <PopupBody state={state} client={client} actions={actions} /> : <Waiting />}
      </main>
    </LocaleContext.Provider>
  );
}

/** Before the background's first message (a few milliseconds): the title, and words only if it drags on. */
function Waiting() {
  const [slow, setSlow] = useState(false);
  useLayoutEffect(() => {
    const timer = setTimeout(() => setSlow(true), 400);
    return () => clearTimeout(timer);
  }, []);
  return (
    <header class="header">
      <h1>{t('extName')}</h1>
      {slow && <p class="note">{t('popupLoading')}</p>}
    </header>
  );
}

function PopupBody({
  state,
  client,
  actions,
}: {
  readonly state: RosterState;
  readonly client: RosterClient;
  readonly actions: BrowserActions;
}) {
  const { presence, names, calls: log, connection } = state;
  const now = useNow(15_000);
  const { message, announce } = useAnnouncer();
  const nameOf = useCallback((id: UserId) => person(id, names).name, [names]);
  const about = useCallAbout(client, announce);
  const calls = useCallActions(client, log.records, nameOf, announce, about);
  const newIds = useCallsSeen(client, log.records, log.unseen);
  const [tab, setTab] = useState<TabName>(() => openingTab(log.records));
  const me = mePerson(state.me, names);
  const onlineSet = useMemo(() => new Set(presence.online), [presence.online]);
  const othersOnline = presence.online.length - (me && onlineSet.has(me.id) ? 1 : 0);
  const owed = useMemo(() => owedCalls(log.records).size, [log.records]);
  const ringing = useMemo(() => ringingCalls(log.records), [log.records]);
  const connected = connection.phase === 'connected';

  useLayoutEffect(markFirstRender, []);

  return (
    <>
      <Header
        me={me}
        connected={connected}
        away={state.away}
        doNotDisturb={state.doNotDisturb}
        onDoNotDisturb={(on) => client.request({ op: 'setDoNotDisturb', on })}
      />
      <StatusBanner
        status={connection}
        setup={state.setup}
        actions={actions}
        onRetry={() => void client.request({ op: 'retryNow' }).catch(() => undefined)}
      />
      {connected && !state.me && <UnknownMe actions={actions} />}
      {state.doNotDisturb && <p class="dnd-note">{t('popupDndOn')}</p>}
      <RingingCalls
        calls={ringing}
        names={names}
        now={now}
        onCallBack={calls.callBack}
        onDismiss={calls.dismiss}
        onOpen={calls.openPage}
        openFailed={calls.openFailed}
      />
      <PopupTabs selected={tab} onSelect={setTab} onlineCount={othersOnline} owed={owed} />
      <section class="panel" role="tabpanel" id={panelId(tab)} aria-labelledby={tabId(tab)}>
        {tab === 'people' ? (
          <PeoplePanel
            presence={presence}
            names={names}
            me={state.me}
            connected={connected}
            now={now}
            calls={calls}
            announce={announce}
          />
        ) : (
          <CallsPanel records={log.records} names={names} online={onlineSet} newIds={newIds} now={now} calls={calls} />
        )}
      </section>
      <CallAboutBar about={about} />
      <ShortcutFooter shortcut={actions.shortcut} />
      <p class="sr-only" role="status" aria-live="polite" aria-atomic="true">
        {message}
      </p>
    </>
  );
}

import { useState } from 'preact/hooks';
import { t, type MessageKey } from '../../utils/i18n';
import type { UserId } from '../../utils/protocol/schemas';
import type { OutgoingCall } from '../../utils/calls/records';
import type { RosterState, SendCallResult } from '../../utils/roster/state';

interface Props {
  readonly state: RosterState;
  readonly onCall: (to: UserId) => Promise<SendCallResult>;
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

const callStatusKey: Record<OutgoingCall['status'], MessageKey> = {
  queued: 'callQueued',
  sent: 'callSent',
  failed: 'callFailed',
};

export function OnlineList({ state, onCall }: Props) {
  const [calling, setCalling] = useState<ReadonlySet<UserId>>(new Set());
  const me = state.me?.id;
  const label = (id: UserId) => state.names[id] ?? id;
  const others = state.presence.online.filter((id) => id !== me).sort((a, b) => collator.compare(label(a), label(b)));
  const lastCall = new Map(state.calls.records.flatMap((call) => (call.kind === 'outgoing' ? [[call.peerId, call] as const] : [])));

  const call = (to: UserId) => {
    // One ring per click: the button stays disabled until the background has answered.
    if (calling.has(to)) return;
    setCalling((current) => new Set(current).add(to));
    void onCall(to).finally(() =>
      setCalling((current) => {
        const next = new Set(current);
        next.delete(to);
        return next;
      }),
    );
  };

  return (
    <section aria-labelledby="online-heading">
      <h2 id="online-heading">{t('onlineHeading', others.length)}</h2>
      {state.me && (
        <p class="me">
          <span class="dot dot--online" aria-hidden="true" />
          <span class="name">{state.me.name || state.me.id}</span> <span class="tag">{t('me')}</span>
        </p>
      )}
      {others.length === 0 ? (
        <p class="empty">{t('nobodyOnline')}</p>
      ) : (
        <ul class="people">
          {others.map((id) => {
            const status = lastCall.get(id)?.status;
            return (
              <li key={id} class="person" data-user-id={id}>
                <span class="dot dot--online" aria-hidden="true" />
                <span class="name">{label(id)}</span>
                {status && <span class={`call-status call-status--${status}`}>{t(callStatusKey[status])}</span>}
                <button type="button" onClick={() => call(id)} disabled={calling.has(id)} aria-label={t('callTo', label(id))}>
                  {t('call')}
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

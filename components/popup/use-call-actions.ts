import { useEffect, useMemo, useReducer, useRef, useState } from 'preact/hooks';
import type { CallRecord, IncomingCall } from '../../utils/core/calls/records';
import type { CallAbout } from '../../utils/core/messages/roster-state';
import { t } from '../../utils/extension/i18n';
import type { RosterClient } from '../../utils/core/roster-client';
import type { UserId } from '../../utils/core/protocol/schemas';
import type { SendCallResult } from '../../utils/core/messages/roster-state';
import { latestOutgoing, mayCall } from '../../utils/pages/popup/call-guard';
import { recordWords, rowStatusWords } from '../../utils/pages/popup/call-text';
import { rowCallStatus, type Refused, type RowCallStatus } from '../../utils/pages/popup/row-status';

export interface CallActions {
  /** Rings a colleague; ignored while that would be a second ring (see `mayCall`). */
  readonly call: (peer: UserId) => void;
  /** Rings back whoever made an incoming call (the background counts a ringing one as answered). */
  readonly callBack: (call: IncomingCall) => void;
  readonly dismiss: (call: IncomingCall) => void;
  /** Shows the host page a call was about (the background opens only a configured site's page). */
  readonly openPage: (call: CallRecord) => void;
  /** Calls whose page could not be opened, for the words on their row. */
  readonly openFailed: ReadonlySet<string>;
  /** Whether a Call button for `peer` does anything right now. */
  readonly canCall: (peer: UserId, now: number) => boolean;
  readonly status: (peer: UserId, now: number) => RowCallStatus | undefined;
}

/**
 * Calls placed from this popup: one request at a time per person, the outcome of each on its row,
 * and every change said aloud. What became of a call comes from the background's call log; only
 * refusals (which never reach the log) and the in-flight request are this view's own.
 */
export function useCallActions(
  client: RosterClient,
  records: readonly CallRecord[],
  nameOf: (id: UserId) => string,
  announce: (text: string) => void,
  about: { readonly fields: () => CallAbout; readonly sent: () => void },
): CallActions {
  // Refs, not state: two clicks in one tick must both see the first one's request.
  const pending = useRef(new Set<UserId>());
  const placedAt = useRef(new Map<UserId, number>());
  const [refused, setRefused] = useState<ReadonlyMap<UserId, Refused>>(new Map());
  const [openFailed, setOpenFailed] = useState<ReadonlySet<string>>(new Set());
  const [, rerender] = useReducer((count: number) => count + 1, 0);
  const latest = useMemo(() => latestOutgoing(records), [records]);

  // Say what became of the calls placed here, as the log reports it.
  const heard = useRef(new Map<UserId, string>());
  useEffect(() => {
    for (const [peer, placed] of placedAt.current) {
      const call = latest.get(peer);
      // An older call to the same person is not news.
      if (!call || call.at < placed - 1_000) continue;
      const version = `${call.id}:${call.status}`;
      if (heard.current.get(peer) === version) continue;
      heard.current.set(peer, version);
      const words = recordWords(call);
      announce(t('popupAnnounceStatus', nameOf(peer), t(words.key, ...words.substitutions)));
    }
  }, [latest, nameOf, announce]);

  const refuse = (peer: UserId, outcome: Refused) => {
    setRefused((current) => new Map(current).set(peer, outcome));
    const words = rowStatusWords({ kind: 'refused', refusal: outcome.refusal }, nameOf(peer), String);
    announce(t('popupAnnounceStatus', nameOf(peer), t(words.key, ...words.substitutions)));
  };

  const place = (peer: UserId, request: () => Promise<SendCallResult>, onSent?: () => void) => {
    const now = Date.now();
    if (!mayCall(peer, { pending: pending.current, placedAt: placedAt.current, latest, now })) return;
    pending.current.add(peer);
    placedAt.current.set(peer, now);
    rerender(0);
    announce(t('popupAnnounceCalling', nameOf(peer)));
    request()
      .then(
        (result) => {
          if (result.ok) {
            setRefused((current) => (current.has(peer) ? withoutKey(current, peer) : current));
            onSent?.();
          } else refuse(peer, { refusal: result.refusal, at: Date.now() });
        },
        () => refuse(peer, { refusal: 'no-answer', at: Date.now() }),
      )
      .finally(() => {
        pending.current.delete(peer);
        rerender(0);
      });
  };

  return {
    call: (peer) => place(peer, () => client.request({ op: 'sendCall', to: peer, ...about.fields() }), about.sent),
    callBack: (call) =>
      place(call.peerId, () => client.request({ op: 'callBack', id: call.id, ...about.fields() }), about.sent),
    dismiss: (call) => void client.request({ op: 'dismissCall', id: call.id }).catch(() => undefined),
    openPage: (call) =>
      void client
        .request({ op: 'openCallPage', id: call.id })
        .then(
          (reply) => reply.opened,
          () => false,
        )
        .then((opened) => {
          if (opened) return;
          setOpenFailed((current) => new Set(current).add(call.id));
          announce(t('openCallPageFailed'));
        }),
    openFailed,
    canCall: (peer, now) => mayCall(peer, { pending: pending.current, placedAt: new Map(), latest, now }),
    status: (peer, now) => rowCallStatus(pending.current.has(peer), refused.get(peer), latest.get(peer), now),
  };
}

function withoutKey<K, V>(map: ReadonlyMap<K, V>, key: K): ReadonlyMap<K, V> {
  const next = new Map(map);
  next.delete(key);
  return next;
}

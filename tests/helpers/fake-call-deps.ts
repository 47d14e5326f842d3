import type { CallHistory } from '../../utils/core/calls/history';
import type { CallEffects } from '../../utils/background/calls/inbox';
import type { IncomingCall } from '../../utils/core/calls/records';
import type { RosterDeps } from '../../utils/background/service/deps';

/** The call side of RosterDeps, recording what the browser would have been asked to do. */
export function fakeCallDeps() {
  const notified: IncomingCall[] = [];
  const closed: string[] = [];
  const badge: number[] = [];
  const saved: CallHistory[] = [];
  const effects: CallEffects = {
    notify: (call) => notified.push(call),
    closeNotification: (id) => closed.push(id),
    ring: () => undefined,
    setBadge: (unseen) => badge.push(unseen),
  };
  let ids = 0;
  const deps: Pick<
    RosterDeps,
    'callEffects' | 'saveCalls' | 'activeHostTab' | 'saveDoNotDisturb' | 'missingOrigins' | 'newCallId'
  > = {
    missingOrigins: () => Promise.resolve([]),
    // Deterministic ids; a test of restarts passes one generator to both lives, as a UUID source would be.
    newCallId: () => `call-${String(++ids)}`,
    callEffects: effects,
    saveCalls: (history) => {
      saved.push(history);
      return Promise.resolve();
    },
    activeHostTab: () => Promise.resolve(null),
    saveDoNotDisturb: () => Promise.resolve(),
  };
  return { deps, notified, closed, badge, saved };
}

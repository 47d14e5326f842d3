import type { CallHistory } from '../../utils/calls/history';
import type { CallEffects } from '../../utils/calls/inbox';
import type { IncomingCall } from '../../utils/calls/records';
import type { RosterDeps } from '../../utils/roster/deps';

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
  const deps: Pick<RosterDeps, 'callEffects' | 'saveCalls' | 'activeHostTab' | 'saveDoNotDisturb' | 'missingOrigins'> = {
    missingOrigins: () => Promise.resolve([]),
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

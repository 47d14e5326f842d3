import { expect, test } from 'vitest';
import type { UserId } from '../../../../utils/core/protocol/schemas';
import { applyEvent } from '../../../../utils/core/messages/reduce';
import { silentIdentity } from '../../../../utils/core/identity/status';
import { pageConfig } from '../../../../utils/core/messages/page-config';
import type { RosterState } from '../../../../utils/core/messages/roster-state';
import { defaultSettings } from '../../../../utils/core/settings/validate';

const state: RosterState = {
  connection: { phase: 'connected', since: 1, attempt: 0 },
  presence: { version: 3, online: ['1', '2'] as UserId[], lastSeen: {} },
  names: { ['1' as UserId]: 'One' },
  me: null,
  identity: silentIdentity,
  page: pageConfig(defaultSettings()),
  calls: { records: [], unseen: 0 },
  doNotDisturb: false,
  setup: { siteUrl: '', missingOrigins: [] },
  away: false,
};

test('a presence change in order is applied; who left is last seen then', () => {
  const next = applyEvent(state, {
    type: 'presence',
    change: { version: 4, at: 99, joined: ['3' as UserId], left: ['1' as UserId] },
  });
  expect(next?.presence).toEqual({ version: 4, online: ['2', '3'], lastSeen: { 1: 99 } });
});

test.each([[3], [5]])('a presence change with version %i cannot be applied: resync', (version) => {
  expect(applyEvent(state, { type: 'presence', change: { version, at: 0, joined: [], left: [] } })).toBeUndefined();
});

test('nothing applies before the first state', () => {
  expect(applyEvent(undefined, { type: 'me', me: null })).toBeUndefined();
  expect(applyEvent(undefined, { type: 'state', state })).toBe(state);
});

test('names merge; call records update in place; unseen and Do Not Disturb follow', () => {
  const named = applyEvent(state, { type: 'names', names: { ['2' as UserId]: 'Two' } });
  expect(named?.names).toEqual({ 1: 'One', 2: 'Two' });
  const call = { kind: 'outgoing' as const, id: 'c1', peerId: '2' as UserId, status: 'queued' as const, at: 5 };
  const queued = applyEvent(state, { type: 'callRecord', record: call });
  const sent = applyEvent(queued, { type: 'callRecord', record: { ...call, status: 'sent', settledAt: 6 } });
  expect(sent?.calls.records).toEqual([{ ...call, status: 'sent', settledAt: 6 }]);
  expect(applyEvent(sent, { type: 'unseen', count: 3 })?.calls.unseen).toBe(3);
  expect(applyEvent(sent, { type: 'doNotDisturb', on: true })?.doNotDisturb).toBe(true);
});

import { expect, test } from 'vitest';
import type { UserId } from '../../../utils/protocol/schemas';
import { applyEvent } from '../../../utils/roster/reduce';
import type { RosterState } from '../../../utils/roster/state';

const state: RosterState = {
  connection: { phase: 'connected', since: 1, attempt: 0 },
  presence: { version: 3, online: ['1', '2'] as UserId[] },
  names: { ['1' as UserId]: 'One' },
  me: null,
  outgoing: [],
};

test('a presence change in order is applied', () => {
  const next = applyEvent(state, { type: 'presence', change: { version: 4, joined: ['3' as UserId], left: ['1' as UserId] } });
  expect(next?.presence).toEqual({ version: 4, online: ['2', '3'] });
});

test.each([[3], [5]])('a presence change with version %i cannot be applied: resync', (version) => {
  expect(applyEvent(state, { type: 'presence', change: { version, joined: [], left: [] } })).toBeUndefined();
});

test('nothing applies before the first state', () => {
  expect(applyEvent(undefined, { type: 'me', me: null })).toBeUndefined();
  expect(applyEvent(undefined, { type: 'state', state })).toBe(state);
});

test('names merge; outgoing calls update in place', () => {
  const named = applyEvent(state, { type: 'names', names: { ['2' as UserId]: 'Two' } });
  expect(named?.names).toEqual({ 1: 'One', 2: 'Two' });
  const call = { id: 'c1', to: '2' as UserId, status: 'queued' as const, createdAt: 5 };
  const queued = applyEvent(state, { type: 'outgoing', call });
  const sent = applyEvent(queued, { type: 'outgoing', call: { ...call, status: 'sent', settledAt: 6 } });
  expect(sent?.outgoing).toEqual([{ ...call, status: 'sent', settledAt: 6 }]);
});

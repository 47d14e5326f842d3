import { expect, test } from 'vitest';
import type { ConnectionStatus } from '../../../../utils/core/messages/connection-status';
import type { UserId } from '../../../../utils/core/protocol/schemas';
import {
  markState,
  msUntilStale,
  STALE_AFTER_MS,
  type PresenceView,
} from '../../../../utils/content/marks/presence-view';

const id = (value: string) => value as UserId;
const view: PresenceView = { online: new Set([id('1'), id('2')]), me: id('1'), live: true };

test.each([
  ['2', view, 'online'],
  ['3', view, 'offline'],
  ['1', view, 'me'],
  ['2', { ...view, live: false }, 'unknown'],
  ['1', { ...view, live: false }, 'unknown'],
])('user %s is %s', (user, given, expected) => {
  expect(markState(given, id(user))).toBe(expected);
});

const at = 100_000;
test.each<[string, ConnectionStatus, number | undefined]>([
  ['connected: never stale', { phase: 'connected', since: 0, attempt: 0 }, undefined],
  [
    'just dropped: a grace period',
    { phase: 'disconnected', reason: 'server-closed', since: at - 1_000, attempt: 1 },
    STALE_AFTER_MS - 1_000,
  ],
  ['dropped long ago', { phase: 'connecting', since: at - 60_000, attempt: 3 }, 0],
  ['signed out: at once', { phase: 'disconnected', reason: 'no-token', since: at, attempt: 0 }, 0],
  ['token refused: at once', { phase: 'disconnected', reason: 'unauthorized', since: at, attempt: 0 }, 0],
  ['a worker that just woke up', { phase: 'connecting', since: at, attempt: 0 }, STALE_AFTER_MS],
])('%s', (_, status, expected) => {
  expect(msUntilStale(status, at)).toBe(expected);
});

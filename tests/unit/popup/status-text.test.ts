import { expect, test } from 'vitest';
import { statusText } from '../../../components/popup/status-text';
import type { ConnectionStatus } from '../../../utils/connection/types';

const now = 1_000_000;

test.each<[string, ConnectionStatus, string, string, boolean]>([
  ['connected', { phase: 'connected', since: 0, attempt: 0 }, 'statusConnected', 'ok', false],
  ['connecting', { phase: 'connecting', since: 0, attempt: 0 }, 'statusConnecting', 'busy', false],
  ['signed out', { phase: 'disconnected', reason: 'no-token', since: 0, attempt: 0 }, 'statusSignIn', 'problem', false],
  ['token refused', { phase: 'disconnected', reason: 'unauthorized', since: 0, attempt: 1 }, 'statusRejected', 'problem', false],
  ['no host permission', { phase: 'disconnected', reason: 'no-permission', since: 0, attempt: 0 }, 'statusNoPermission', 'problem', false],
  ['not set up', { phase: 'disconnected', reason: 'not-configured', since: 0, attempt: 0 }, 'statusNotSetUp', 'problem', false],
  ['offline', { phase: 'disconnected', reason: 'offline', since: 0, attempt: 0 }, 'statusOffline', 'problem', false],
  ['unreachable', { phase: 'disconnected', reason: 'cannot-reach', since: 0, attempt: 6, nextRetryAt: now + 60_000 }, 'statusCannotReach', 'problem', true],
  ['waiting to retry', { phase: 'disconnected', reason: 'server-closed', since: 0, attempt: 2, nextRetryAt: now + 1_200 }, 'statusRetrying', 'busy', true],
])('%s', (_, status, key, tone, canRetry) => {
  expect(statusText(status, now)).toMatchObject({ key, tone, canRetry });
});

test('the countdown rounds up and never goes below zero', () => {
  const waiting: ConnectionStatus = { phase: 'disconnected', reason: 'server-closed', since: 0, attempt: 2, nextRetryAt: now + 1_200 };
  expect(statusText(waiting, now).substitutions).toEqual([2]);
  expect(statusText(waiting, now + 5_000).substitutions).toEqual([0]);
});

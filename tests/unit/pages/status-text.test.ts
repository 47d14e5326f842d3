import { expect, test } from 'vitest';
import { originHost, siteLink, statusText } from '../../../utils/pages/status-text';
import type { ConnectionStatus } from '../../../utils/core/messages/connection-status';

const now = 1_000_000;
const disconnected = (reason: ConnectionStatus['reason'], extra: Partial<ConnectionStatus> = {}): ConnectionStatus => ({
  phase: 'disconnected',
  reason,
  since: 0,
  attempt: 0,
  ...extra,
});

test.each<[string, ConnectionStatus, object]>([
  ['connected', { phase: 'connected', since: 0, attempt: 0 }, { key: 'statusConnected', tone: 'ok' }],
  ['connecting', { phase: 'connecting', since: 0, attempt: 0 }, { key: 'statusConnecting', tone: 'busy' }],
  [
    'signed out: a link to sign in',
    disconnected('no-token'),
    { key: 'statusSignIn', tone: 'problem', action: 'sign-in' },
  ],
  [
    'token refused: sign in again',
    disconnected('unauthorized', { attempt: 1 }),
    { key: 'statusRejected', tone: 'problem', action: 'sign-in' },
  ],
  [
    'waiting for an admin page',
    disconnected('no-host-tab'),
    { key: 'statusNoHostTab', tone: 'busy', action: 'open-site' },
  ],
  [
    'no host permission: ask for it',
    disconnected('no-permission'),
    { key: 'statusNoPermission', hintKey: 'popupHintPermission', tone: 'problem', action: 'permission' },
  ],
  [
    'not set up: the settings',
    disconnected('not-configured'),
    { key: 'statusNotSetUp', hintKey: 'popupHintNotSetUp', tone: 'problem', action: 'options' },
  ],
  [
    'offline: nothing to do but wait',
    disconnected('offline'),
    { key: 'statusOffline', hintKey: 'popupHintOffline', tone: 'problem' },
  ],
  ['stopped', disconnected('stopped'), { key: 'statusStopped', tone: 'problem' }],
  [
    'unreachable: the last error, the countdown, retry now',
    disconnected('cannot-reach', {
      attempt: 6,
      nextRetryAt: now + 60_000,
      lastError: 'closed with 1006 before opening',
    }),
    {
      key: 'statusCannotReach',
      tone: 'problem',
      retryInSeconds: 60,
      action: 'retry',
      detail: 'closed with 1006 before opening',
    },
  ],
  [
    'lost, retrying soon',
    disconnected('server-closed', { attempt: 2, nextRetryAt: now + 1_200 }),
    { key: 'popupStatusLost', tone: 'busy', retryInSeconds: 2, action: 'retry' },
  ],
  [
    'heartbeat gone',
    disconnected('no-heartbeat', { attempt: 1, nextRetryAt: now + 500 }),
    { key: 'popupStatusLost', tone: 'busy', retryInSeconds: 1, action: 'retry' },
  ],
])('%s', (_, status, expected) => {
  expect(statusText(status, now)).toEqual(expected);
});

test.each([
  [now + 1_200, 2],
  [now + 1_000, 1],
  [now, 0],
  [now - 5_000, 0],
])('a retry due at %i is counted down as %i s (rounded up, never below zero)', (nextRetryAt, seconds) => {
  expect(statusText(disconnected('server-closed', { nextRetryAt }), now).retryInSeconds).toBe(seconds);
});

test.each([
  ['https://admin.example.com/*', 'admin.example.com'],
  ['http://localhost:8787/*', 'localhost:8787'],
  ['*://*.example.com/*', '*.example.com'],
  ['<all_urls>', '<all_urls>'],
])('the permission %s is shown as %s', (pattern, host) => {
  expect(originHost(pattern)).toBe(host);
});

test.each([
  ['https://admin.example.com/login', 'https://admin.example.com/login'],
  ['http://localhost:8787/', 'http://localhost:8787/'],
  ['javascript:alert(1)', undefined],
  ['', undefined],
  ['not a url', undefined],
])('only web pages open as the site: %j', (url, link) => {
  expect(siteLink(url)).toBe(link);
});

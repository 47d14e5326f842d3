import { expect, test } from 'vitest';
import { connectionProbeText, directoryProbeText } from '../../../../utils/pages/options/probe-text';
import type {
  ConnectionProbeResult,
  DirectoryProbeResult,
} from '../../../../utils/core/messages/options-background-probes';

test.each<[ConnectionProbeResult, string, unknown[], string]>([
  [{ outcome: 'connected', me: { id: '1', name: '章三' }, online: 4 }, 'optionsProbeConnected', ['章三', 4], 'ok'],
  [{ outcome: 'connected', me: { id: '7', name: '' }, online: 0 }, 'optionsProbeConnected', ['7', 0], 'ok'],
  [{ outcome: 'connected', me: { id: '1', name: 'A' }, online: null }, 'optionsProbeConnectedNoList', ['A'], 'ok'],
  [{ outcome: 'connected', me: null, online: 3 }, 'optionsProbeConnectedUnknown', [], 'busy'],
  [{ outcome: 'rejected', detail: 'closed with 4001' }, 'optionsProbeRejected', [], 'problem'],
  [{ outcome: 'refused', detail: 'HTTP 403' }, 'optionsProbeRefused', [], 'problem'],
  [{ outcome: 'unreachable', detail: 'x' }, 'optionsProbeUnreachable', [], 'problem'],
  [{ outcome: 'wrong-protocol', detail: 'HTTP 404' }, 'optionsProbeWrongProtocol', [], 'problem'],
  [{ outcome: 'closed', detail: 'x' }, 'optionsProbeClosed', [], 'problem'],
  [
    { outcome: 'signed-out', siteUrl: 'http://localhost:8787/login' },
    'optionsProbeSignedOut',
    ['localhost:8787'],
    'problem',
  ],
  [{ outcome: 'signed-out', siteUrl: '' }, 'optionsProbeNoSite', [], 'problem'],
  [
    { outcome: 'no-permission', origins: ['https://a.example.com/*', 'https://b.example.com/*'] },
    'optionsProbeNoAccess',
    ['a.example.com, b.example.com'],
    'problem',
  ],
  [{ outcome: 'not-configured' }, 'optionsProbeNoServer', [], 'problem'],
])('connection %j → %s', (result, key, substitutions, tone) => {
  expect(connectionProbeText(result)).toMatchObject({ key, substitutions, tone });
});

const fields = { idField: 'id', nameField: 'name' };

test.each<[DirectoryProbeResult, string, unknown[]]>([
  [
    { outcome: 'read', users: 6, skipped: 0, beyond: 0, sample: ['章三', '李四', '王五'] },
    'optionsDirRead',
    [6, '章三, 李四, 王五'],
  ],
  [{ outcome: 'read', users: 2, skipped: 1, beyond: 0, sample: ['A', 'B'] }, 'optionsDirReadSkipped', [2, 'A, B', 1]],
  [{ outcome: 'read', users: 0, skipped: 5, beyond: 0, sample: [] }, 'optionsDirNoneUsable', [5, 'id', 'name']],
  [
    { outcome: 'read', users: 20_000, skipped: 3, beyond: 80_000, sample: ['A'] },
    'optionsDirReadBeyond',
    [20_000, 'A', 80_000],
  ],
  [{ outcome: 'failed', code: 'timeout', detail: 'did not answer within 30 s' }, 'optionsDirTimeout', []],
  [{ outcome: 'failed', code: 'redirected', detail: 'sent us to /login' }, 'optionsDirRedirected', []],
  [{ outcome: 'failed', code: 'http', detail: 'answered 401' }, 'optionsDirHttp', []],
  [{ outcome: 'failed', code: 'not-json', detail: '' }, 'optionsDirNotJson', []],
  [{ outcome: 'failed', code: 'not-a-list', detail: '' }, 'optionsDirNotList', []],
  [{ outcome: 'failed', code: 'network', detail: '' }, 'optionsDirNetwork', []],
  [{ outcome: 'failed', code: 'too-large', detail: '' }, 'optionsDirTooLarge', []],
  [{ outcome: 'not-configured' }, 'optionsDirNoUrl', []],
])('directory %j → %s', (result, key, substitutions) => {
  expect(directoryProbeText(result, fields)).toMatchObject({ key, substitutions });
});

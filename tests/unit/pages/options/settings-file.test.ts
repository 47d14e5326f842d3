import { describe, expect, test } from 'vitest';
import {
  exportFileName,
  MAX_SETTINGS_FILE_BYTES,
  nonDefaultSettings,
  parseSettingsFile,
  policyFileText,
  settingsFileText,
} from '../../../../utils/pages/options/settings-file';
import { defaultSettings, validateSettings } from '../../../../utils/core/settings/validate';

describe('parseSettingsFile', () => {
  test('a partial file is the whole settings, the rest defaults', () => {
    const result = parseSettingsFile('{"serverUrl": "wss://admin.example.com/ws"}');
    expect(result.ok).toBe(true);
    expect(result.ok && result.draft).toEqual({ ...defaultSettings(), serverUrl: 'wss://admin.example.com/ws' });
  });

  test('a byte-order mark is fine', () => {
    expect(parseSettingsFile('\uFEFF{}').ok).toBe(true);
  });

  test.each([
    ['not JSON', '{"serverUrl": ', 'not-json'],
    ['empty', '', 'not-json'],
    ['a list', '[]', 'invalid'],
    ['a string', '"hello"', 'invalid'],
  ])('%s is refused', (_, text, problem) => {
    const result = parseSettingsFile(text);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problem).toBe(problem);
  });

  test('every problem is named by field and reason; nothing is kept of the file', () => {
    const result = parseSettingsFile(
      JSON.stringify({ serverUrl: 'http://x', serverURL: 'ws://x/ws', connection: { heartbeatSeconds: 1 } }),
    );
    expect(result).toEqual({
      ok: false,
      problem: 'invalid',
      issues: [
        { field: 'serverUrl', message: 'must be a ws:// or wss:// URL' },
        { field: 'connection.heartbeatSeconds', message: 'Invalid value: Expected >=5 but received 1' },
        { field: 'serverURL', message: 'is not a known setting' },
      ],
    });
  });

  test('a file too large is refused unread', () => {
    expect(parseSettingsFile('{}', MAX_SETTINGS_FILE_BYTES + 1)).toEqual({ ok: false, problem: 'too-large' });
  });

  test('an exported file imports back to the same settings', () => {
    const settings = {
      ...defaultSettings(),
      serverUrl: 'wss://a/ws',
      presence: { mode: 'host-tab' as const, awayAfterMinutes: 3 },
    };
    const result = parseSettingsFile(settingsFileText(settings));
    expect(result.ok && result.draft).toEqual(settings);
  });
});

describe('policy files', () => {
  const settings = (() => {
    const result = validateSettings({
      serverUrl: 'wss://corp/ws',
      auth: { cookieUrl: 'https://corp/' },
      notifications: { sound: true },
    });
    if (!result.ok) throw result.error;
    return result.settings;
  })();

  test('only what differs from the defaults is forced', () => {
    expect(nonDefaultSettings(settings, defaultSettings())).toEqual({
      serverUrl: 'wss://corp/ws',
      auth: { cookieUrl: 'https://corp/' },
      notifications: { sound: true },
    });
  });

  test.each([
    [
      'chrome',
      {
        '3rdparty': {
          extensions: {
            abc: { serverUrl: 'wss://corp/ws', auth: { cookieUrl: 'https://corp/' }, notifications: { sound: true } },
          },
        },
      },
    ],
    [
      'firefox',
      {
        policies: {
          '3rdparty': {
            Extensions: {
              abc: { serverUrl: 'wss://corp/ws', auth: { cookieUrl: 'https://corp/' }, notifications: { sound: true } },
            },
          },
        },
      },
    ],
  ] as const)('%s', (target, expected) => {
    expect(JSON.parse(policyFileText(settings, defaultSettings(), target, 'abc'))).toEqual(expected);
  });

  test.each([
    ['settings', 'roster-settings.json'],
    ['chrome', 'roster-policy.json'],
    ['firefox', 'policies.json'],
  ] as const)('%s file name', (kind, name) => {
    expect(exportFileName(kind)).toBe(name);
  });
});

import { describe, expect, test } from 'vitest';
import { defaultSettings, validateSettings } from '../../../../utils/core/settings/validate';

describe('validateSettings', () => {
  test('an empty object is the defaults', () => {
    const result = validateSettings({});
    expect(result).toEqual({ ok: true, settings: defaultSettings() });
  });

  test('defaults are the legacy protocol and ask for nothing in production', () => {
    expect(defaultSettings()).toMatchObject({
      version: 1,
      serverUrl: '',
      auth: { cookieName: 'USERTOKEN', cookieUrl: '' },
      connection: {
        heartbeatSeconds: 20,
        heartbeatPayload: 'heart check',
        unauthorizedCloseCodes: [4001, 4003, 1008],
        maxFrameKiB: 2048,
      },
    });
  });

  test('partial input keeps the other defaults', () => {
    const result = validateSettings({ serverUrl: 'wss://admin.example.com/ws', connection: { heartbeatSeconds: 30 } });
    expect(result.ok && result.settings).toMatchObject({
      serverUrl: 'wss://admin.example.com/ws',
      connection: { heartbeatSeconds: 30, heartbeatPayload: 'heart check' },
    });
  });

  test.each([
    ['a typo in a key', { serverURL: 'wss://x' }, 'serverURL', 'is not a known setting'],
    ['an http server URL', { serverUrl: 'https://x/ws' }, 'serverUrl', 'must be a ws:// or wss:// URL'],
    ['not a URL at all', { serverUrl: 'localhost:8787' }, 'serverUrl', 'must be a ws:// or wss:// URL'],
    ['a ws cookie site', { auth: { cookieUrl: 'ws://x' } }, 'auth.cookieUrl', 'must be an http:// or https:// URL'],
    ['an empty cookie name', { auth: { cookieName: '  ' } }, 'auth.cookieName', 'must not be empty'],
    ['a heartbeat too fast', { connection: { heartbeatSeconds: 1 } }, 'connection.heartbeatSeconds', '>=5'],
    ['a fractional heartbeat', { connection: { heartbeatSeconds: 20.5 } }, 'connection.heartbeatSeconds', 'integer'],
    [
      'a close code out of range',
      { connection: { unauthorizedCloseCodes: [99] } },
      'connection.unauthorizedCloseCodes.0',
      '>=1000',
    ],
    ['an unknown identity mode', { identity: { mode: 'magic' } }, 'identity.mode', 'auto'],
    ['an unknown nested key', { directory: { urls: 'x' } }, 'directory.urls', 'is not a known setting'],
    ['a future format version', { version: 2 }, 'version', '1'],
  ])('refuses %s, naming the field', (_, input, field, message) => {
    const result = validateSettings(input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.name).toBe('InvalidSettingsError');
    expect(result.error.issues).toEqual([{ field, message: expect.stringContaining(message) }]);
    expect(result.error.message).toContain(field);
  });

  test.each([[null], [5], ['settings'], [[]], [undefined]])('refuses %j as a whole', (input) => {
    expect(validateSettings(input).ok).toBe(false);
  });
});

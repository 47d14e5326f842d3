import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { setLogLevel } from '../../../utils/core/log';
import { resolveSettings } from '../../../utils/extension/settings-storage';
import { defaultSettings } from '../../../utils/core/settings/validate';

/**
 * Saves are validated, so damaged saved settings mean a hand edit or a bug. Whatever they hold, the
 * effective settings are the defaults where the damage is, the policy still applies, and a warning
 * says so: never a silent fall back to the defaults.
 */

const POLICY_URL = 'wss://policy.example/ws';
let warned: string[] = [];

beforeEach(() => {
  setLogLevel('warn');
  warned = [];
  vi.spyOn(console, 'warn').mockImplementation((...parts: unknown[]) => void warned.push(parts.map(String).join(' ')));
});
afterEach(() => {
  setLogLevel('silent');
  vi.restoreAllMocks();
});

describe('damaged saved settings', () => {
  test.each<[string, unknown, RegExp]>([
    ['a string', '{"serverUrl": ws://oops', /not a settings object/],
    ['a list', [{ serverUrl: 'ws://a.example/ws' }], /not a settings object/],
    ['a number', 42, /not a settings object/],
    ['null', null, /not a settings object/],
    ['a field of the wrong type', { serverUrl: 42 }, /refuses.*serverUrl/],
  ])('%s: the defaults, a warning, and the policy still applies', (_, saved, warning) => {
    const { settings, locked } = resolveSettings(saved, { serverUrl: POLICY_URL });
    expect(settings).toEqual({ ...defaultSettings(), serverUrl: POLICY_URL });
    expect(locked).toEqual(['serverUrl']);
    expect(warned.join('\n')).toMatch(warning);
  });

  test('one bad field costs only that field', () => {
    const { settings } = resolveSettings({ serverUrl: 42, auth: { cookieName: 'SID' } }, {});
    expect(settings.auth.cookieName).toBe('SID');
    expect(settings.serverUrl).toBe(defaultSettings().serverUrl);
  });

  test('whole saved settings: no warning', () => {
    resolveSettings({ ...defaultSettings(), serverUrl: 'wss://admin.example.com/ws' }, {});
    expect(warned).toEqual([]);
  });
});

import { describe, expect, test } from 'vitest';
import { validateSettings } from '../../../../utils/core/settings/validate';

const profile = { rows: 'tr.user-row', id: { from: 'attribute', attribute: 'data-uid' } };

function issuesOf(sites: unknown) {
  const result = validateSettings({ sites });
  return result.ok ? [] : result.error.issues;
}

describe('settings.sites', () => {
  test('defaults: the sign-in site, every built-in on, no custom profile, roster:call', () => {
    const result = validateSettings({});
    expect(result.ok && result.settings.sites).toEqual({
      matches: [],
      builtIns: { elementTable: true, plainTable: true, dataAttributes: true },
      profiles: [],
      shadowHosts: '',
      callEventName: 'roster:call',
    });
  });

  test.each([
    ['', true],
    ['user-table', true],
    ['user-table, x-grid', true],
    ['user-table[', false],
    ['   ', false],
  ])('shadowHosts %j is accepted: %s', (shadowHosts, ok) => {
    expect(validateSettings({ sites: { shadowHosts } }).ok).toBe(ok);
  });

  test('a complete custom profile is accepted, with defaults filled in', () => {
    const result = validateSettings({
      sites: {
        matches: ['https://admin.example.com/*'],
        builtIns: { plainTable: false },
        profiles: [
          {
            label: 'Orders',
            url: 'https://admin.example.com/orders/*',
            rows: '.order-row',
            id: { from: 'link', selector: 'a.owner', pattern: '/users/(\\d+)' },
            name: { from: 'cell', header: 'Owner' },
            mark: { header: 'Owner', position: 'after' },
          },
          { rows: 'li.member', name: { from: 'text', selector: '.name' } },
        ],
      },
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.settings.sites.builtIns).toEqual({ elementTable: true, plainTable: false, dataAttributes: true });
    expect(result.settings.sites.profiles[1]).toEqual({
      label: '',
      rows: 'li.member',
      name: { from: 'text', selector: '.name' },
      mark: { position: 'before' },
    });
  });

  test.each([
    ['a pattern for every site', { matches: ['<all_urls>'] }, 'sites.matches.0', 'match pattern'],
    ['a pattern without a host', { matches: ['*://*/*'] }, 'sites.matches.0', 'match pattern'],
    ['a typo in a key', { builtins: {} }, 'sites.builtins', 'not a known setting'],
    [
      'a built-in that is not a switch',
      { builtIns: { elementTable: 'yes' } },
      'sites.builtIns.elementTable',
      'boolean',
    ],
    ['a profile without rows', { profiles: [{ id: profile.id }] }, 'sites.profiles.0.rows', ''],
    ['a broken rows selector', { profiles: [{ ...profile, rows: 'tr[' }] }, 'sites.profiles.0.rows', 'CSS selector'],
    ['a profile that reads nothing', { profiles: [{ rows: 'tr' }] }, 'sites.profiles.0.id', 'id or a name'],
    ['an unknown extractor', { profiles: [{ rows: 'tr', id: { from: 'cookie' } }] }, 'sites.profiles.0.id.from', ''],
    [
      'a cell with neither header nor column',
      { profiles: [{ rows: 'tr', name: { from: 'cell' } }] },
      'sites.profiles.0.name.header',
      'either header or column',
    ],
    [
      'a cell with both',
      { profiles: [{ rows: 'tr', name: { from: 'cell', header: 'User', column: 2 } }] },
      'sites.profiles.0.name.header',
      'not both',
    ],
    [
      'column 0',
      { profiles: [{ rows: 'tr', name: { from: 'cell', column: 0 } }] },
      'sites.profiles.0.name.column',
      '>=1',
    ],
    [
      'a bad regular expression',
      { profiles: [{ rows: 'tr', id: { from: 'link', pattern: '/users/(' } }] },
      'sites.profiles.0.id.pattern',
      'regular expression',
    ],
    [
      'a link without a pattern',
      { profiles: [{ rows: 'tr', id: { from: 'link' } }] },
      'sites.profiles.0.id.pattern',
      '',
    ],
    [
      'an attribute name with spaces',
      { profiles: [{ rows: 'tr', id: { from: 'attribute', attribute: 'data user' } }] },
      'sites.profiles.0.id.attribute',
      'attribute name',
    ],
    [
      'a profile URL that is not a pattern',
      { profiles: [{ ...profile, url: '/orders' }] },
      'sites.profiles.0.url',
      'match pattern',
    ],
    [
      'a mark position that does not exist',
      { profiles: [{ ...profile, mark: { position: 'inside' } }] },
      'sites.profiles.0.mark.position',
      '',
    ],
    ['an event name with spaces', { callEventName: 'roster call' }, 'sites.callEventName', 'event name'],
  ])('refuses %s, naming the field', (_, sites, field, message) => {
    const issues = issuesOf(sites);
    expect(issues.map((issue) => issue.field)).toContain(field);
    expect(issues.find((issue) => issue.field === field)?.message).toContain(message);
  });
});

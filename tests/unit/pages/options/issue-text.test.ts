import { expect, test } from 'vitest';
import { issueText, KNOWN_MESSAGES } from '../../../../utils/pages/options/issue-text';
import { validateSettings } from '../../../../utils/core/settings/validate';

/** Inputs that make the schema produce each wording the form translates. */
const producers: readonly [string, unknown][] = [
  ['must be a ws:// or wss:// URL', { serverUrl: 'https://x/' }],
  ['must be an http:// or https:// URL', { auth: { cookieUrl: 'ftp://x/' } }],
  ['must not be empty', { auth: { cookieName: ' ' } }],
  ['is not a valid CSS selector', { sites: { profiles: [{ rows: 'tr[', name: { from: 'text' } }] } }],
  [
    'is not a valid regular expression',
    { sites: { profiles: [{ rows: 'tr', name: { from: 'text', pattern: '(' } }] } },
  ],
  [
    'uses a backreference, which Roster does not run',
    { sites: { profiles: [{ rows: 'tr', name: { from: 'text', pattern: '(a)\\1' } }] } },
  ],
  [
    'repeats a group that itself repeats or branches, which can take seconds on one cell',
    { sites: { profiles: [{ rows: 'tr', name: { from: 'text', pattern: '^(\\w+\\s?)+$' } }] } },
  ],
  [
    'has too many repetitions to run on every cell',
    { sites: { profiles: [{ rows: 'tr', name: { from: 'text', pattern: '.*.*.*=' } }] } },
  ],
  ['must be a match pattern with a host, e.g. https://admin.example.com/*', { sites: { matches: ['example.com'] } }],
  ['is not an attribute name', { sites: { profiles: [{ rows: 'tr', id: { from: 'attribute', attribute: '1 x' } }] } }],
  ['give either header or column', { sites: { profiles: [{ rows: 'tr', id: { from: 'cell' } }] } }],
  [
    'give header or column, not both',
    { sites: { profiles: [{ rows: 'tr', id: { from: 'cell', header: 'ID', column: 1 } }] } },
  ],
  ['give an id or a name extractor (or both)', { sites: { profiles: [{ rows: 'tr' }] } }],
  ['must be a plain event name such as roster:call', { sites: { callEventName: 'on call!' } }],
  ['is not a known setting', { serverURL: 'ws://x/ws' }],
  ['must be a JSON object', []],
];

test.each(producers)('the schema still says “%s”, and the form translates it', (message, input) => {
  const result = validateSettings(input);
  expect(result.ok).toBe(false);
  const issue = !result.ok ? result.error.issues.find((candidate) => candidate.message === message) : undefined;
  expect(issue, `no issue “${message}” in ${JSON.stringify(result)}`).toBeDefined();
  expect(issueText(issue!).key).toBe(KNOWN_MESSAGES.get(message));
});

test('every translated wording has a producer above', () => {
  expect([...KNOWN_MESSAGES.keys()].sort()).toEqual(producers.map(([message]) => message).sort());
});

test.each([
  [
    { field: 'connection.heartbeatSeconds', message: 'Invalid value: Expected >=5 but received 2' },
    'optionsErrWholeRange',
    [5, 300],
  ],
  [
    { field: 'notifications.volume', message: 'Invalid type: Expected number but received "x"' },
    'optionsErrNumberRange',
    [0, 1],
  ],
  [
    { field: 'identity.userName', message: 'Invalid length: Expected <=200 but received 201' },
    'optionsErrTooLong',
    [200],
  ],
  [
    { field: 'identity.mode', message: 'Invalid type: Expected "auto" | "manual" but received "x"' },
    'optionsErrInvalid',
    ['Invalid type: Expected "auto" | "manual" but received "x"'],
  ],
])('%j → %s', (issue, key, substitutions) => {
  expect(issueText(issue)).toEqual({ key, substitutions });
});

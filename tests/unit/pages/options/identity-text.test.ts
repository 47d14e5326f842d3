import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { identitySources, type IdentitySource, type Me, type PageSpot } from '../../../../utils/core/identity/me';
import type { Ambiguity } from '../../../../utils/core/identity/server-evidence';
import { sourceProblems, type SourceState } from '../../../../utils/core/identity/status';
import {
  fromWords,
  sourceLabel,
  sourceWords,
  youAreWords,
  type IdentityWords,
} from '../../../../utils/pages/options/identity-text';
import type { UserId } from '../../../../utils/core/protocol/schemas';

interface Message {
  readonly message: string;
  readonly placeholders?: Record<string, { readonly content: string }>;
}
const catalogue = (locale: string) =>
  JSON.parse(readFileSync(`public/_locales/${locale}/messages.json`, 'utf8')) as Record<string, Message>;
const locales = { en: catalogue('en'), zh_CN: catalogue('zh_CN') };

/** Placeholder name → `$n`, and how many substitutions the message takes. */
const placeholders = (message: Message) => {
  const entries = Object.entries(message.placeholders ?? {}).map(
    ([name, { content }]) => [name.toLowerCase(), content] as const,
  );
  const positions = new Set(
    entries.flatMap(([, content]) => [...content.matchAll(/\$(\d)/g)].map((match) => Number(match[1]))),
  );
  return { byName: Object.fromEntries(entries), count: Math.max(0, ...positions) };
};

/** The sentence can be said in both languages, with every substitution it is given used. */
const expectSayable = (words: IdentityWords | string) => {
  const key = typeof words === 'string' ? words : words.key;
  const substitutions = typeof words === 'string' ? [] : words.substitutions;
  const en = locales.en[key];
  const zh = locales.zh_CN[key];
  expect(en, `${key} in en`).toBeDefined();
  expect(zh, `${key} in zh_CN`).toBeDefined();
  expect(placeholders(zh!).byName, `${key}: the same placeholders in both`).toEqual(placeholders(en!).byName);
  expect(substitutions, `${key}: one substitution per placeholder`).toHaveLength(placeholders(en!).count);
  for (const message of [en!, zh!]) {
    for (const name of Object.keys(message.placeholders ?? {}))
      expect(message.message.toLowerCase(), `${key} uses $${name}$`).toContain(`$${name.toLowerCase()}$`);
    expect(message.message.trim(), key).not.toBe('');
  }
};

const me = (overrides: Partial<Me> = {}): Me => ({
  id: '7' as UserId,
  name: '',
  source: 'page',
  spot: 'localStorage',
  ...overrides,
});
const failed = (problem: (typeof sourceProblems)[number], status?: number): SourceState => ({
  state: 'failed',
  problem,
  ...(status === undefined ? {} : { status }),
});

describe('every source state has words in both languages', () => {
  const states: [string, SourceState][] = [
    ['off', { state: 'off' }],
    ['unused', { state: 'unused' }],
    ['waiting', { state: 'waiting' }],
    ['found with a name', { state: 'found', id: '7' as UserId, name: '李四' }],
    ['found without one', { state: 'found', id: '7' as UserId, name: '' }],
    ['found in an element', { state: 'found', id: '7' as UserId, name: '', spot: 'element' }],
    ...sourceProblems.map((problem): [string, SourceState] => [`failed: ${problem}`, failed(problem)]),
    ...[0, 302, 400, 401, 403, 404, 429, 500, 502].map((status): [string, SourceState] => [
      `failed: HTTP ${status}`,
      failed('http', status),
    ]),
  ];
  const ambiguities: (Ambiguity | undefined)[] = [
    undefined,
    { why: 'no-list' },
    { why: 'several', count: 3 },
    { why: 'lists-omit-me' },
  ];
  // The ambiguity is the server's alone: the other sources are tried without one.
  const matrix = identitySources.flatMap((source) =>
    states.flatMap(([name, state]) =>
      (source === 'learned' ? ambiguities : [undefined]).map((ambiguity) => [source, name, state, ambiguity] as const),
    ),
  );

  test.each(matrix)('%s, %s, %j', (source, _, state, ambiguity) => {
    expectSayable(sourceWords(source, state, ambiguity));
  });

  test('every problem has its own sentence', () => {
    const keys = sourceProblems
      .filter((problem) => problem !== 'http')
      .map((problem) => sourceWords('url', failed(problem)).key);
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe('sourceWords', () => {
  test.each<[string, IdentitySource, SourceState, Ambiguity | undefined, Partial<IdentityWords>]>([
    [
      'HTTP 401 is being signed out',
      'url',
      failed('http', 401),
      undefined,
      { key: 'identityProblemSignedOut', substitutions: [401], tone: 'problem' },
    ],
    [
      'HTTP 403 is being signed out',
      'url',
      failed('http', 403),
      undefined,
      { key: 'identityProblemSignedOut', substitutions: [403], tone: 'problem' },
    ],
    [
      'HTTP 404 is a wrong address',
      'url',
      failed('http', 404),
      undefined,
      { key: 'identityProblemHttp', substitutions: [404], tone: 'problem' },
    ],
    ['HTTP 500', 'url', failed('http', 500), undefined, { key: 'identityProblemHttp', substitutions: [500] }],
    ['a redirect', 'url', failed('redirected'), undefined, { key: 'identityProblemRedirected', substitutions: [] }],
    ['a timeout', 'url', failed('timeout'), undefined, { key: 'identityProblemTimeout', substitutions: [] }],
    ['no id', 'page', failed('no-id'), undefined, { key: 'identityProblemNoId' }],
    ['blocked storage', 'page', failed('blocked'), undefined, { key: 'identityProblemBlocked', tone: 'problem' }],
    ['a bad selector', 'page', failed('bad-selector'), undefined, { key: 'identityProblemBadSelector' }],
    ['an unstable page', 'page', failed('unstable'), undefined, { key: 'identityProblemUnstable' }],
    [
      'a page naming someone not online',
      'page',
      failed('not-in-lists'),
      undefined,
      { key: 'identityProblemNotInLists' },
    ],
    ['a typed id that is no id', 'settings', failed('bad-id'), undefined, { key: 'identityProblemBadId' }],
    [
      'an opaque token is a fact, not a fault',
      'jwt',
      failed('not-jwt'),
      undefined,
      { key: 'identityProblemNotJwt', tone: 'muted' },
    ],
    [
      'found with a name',
      'url',
      { state: 'found', id: '7' as UserId, name: '李四' },
      undefined,
      { key: 'identityStateFound', substitutions: ['李四', '7'], tone: 'ok' },
    ],
    [
      'found without a name',
      'url',
      { state: 'found', id: '7' as UserId, name: '' },
      undefined,
      { key: 'identityStateFoundId', substitutions: ['7'] },
    ],
    [
      'a hostile name is a substitution, never part of the key',
      'page',
      { state: 'found', id: '1' as UserId, name: '<img src=x onerror=alert(1)>' },
      undefined,
      { key: 'identityStateFound', substitutions: ['<img src=x onerror=alert(1)>', '1'] },
    ],
    ['waiting for a page', 'page', { state: 'waiting' }, undefined, { key: 'identityStateWaitingPage', tone: 'busy' }],
    ['waiting for the address', 'url', { state: 'waiting' }, undefined, { key: 'identityStateWaiting' }],
    [
      'the server, before a list',
      'learned',
      { state: 'waiting' },
      { why: 'no-list' },
      { key: 'identityAmbiguousNoList', tone: 'busy' },
    ],
    [
      'the server, several candidates',
      'learned',
      { state: 'waiting' },
      { why: 'several', count: 4 },
      { key: 'identityAmbiguousSeveral', substitutions: [4] },
    ],
    [
      'the server, lists without me',
      'learned',
      { state: 'waiting' },
      { why: 'lists-omit-me' },
      { key: 'identityAmbiguousOmit', tone: 'muted' },
    ],
    ['the server, without ambiguity', 'learned', { state: 'waiting' }, undefined, { key: 'identityStateWaiting' }],
    [
      'an ambiguity is only the server’s',
      'url',
      { state: 'waiting' },
      { why: 'several', count: 4 },
      { key: 'identityStateWaiting' },
    ],
    [
      'an ambiguity does not hide what the server found',
      'learned',
      { state: 'found', id: '7' as UserId, name: '' },
      { why: 'no-list' },
      { key: 'identityStateFoundId' },
    ],
    ['off', 'page', { state: 'off' }, undefined, { key: 'identityStateOff', tone: 'muted' }],
    ['unused', 'url', { state: 'unused' }, undefined, { key: 'identityStateUnused', tone: 'muted' }],
  ])('%s', (_, source, state, ambiguity, expected) => {
    const words = sourceWords(source, state, ambiguity);
    expect(words).toMatchObject(expected);
    expectSayable(words);
  });
});

describe('youAreWords', () => {
  test.each<[string, Me | null, boolean, string, IdentityWords]>([
    ['signed out', null, false, '', { key: 'identitySignedOut', substitutions: [], tone: 'busy' }],
    ['signed in, nobody found', null, true, '', { key: 'identityUnknown', substitutions: [], tone: 'problem' }],
    [
      'a name',
      me(),
      true,
      '李四',
      { key: 'identityYouAre', substitutions: ['李四', '7', 'read from the page'], tone: 'ok' },
    ],
    ['no name', me(), true, '', { key: 'identityYouAreId', substitutions: ['7', 'read from the page'], tone: 'ok' }],
    [
      'a hostile name is a substitution',
      me(),
      true,
      '$1 <b>',
      { key: 'identityYouAre', substitutions: ['$1 <b>', '7', 'read from the page'], tone: 'ok' },
    ],
    [
      'an id like a prototype member',
      me({ id: '__proto__' as UserId }),
      true,
      '',
      { key: 'identityYouAreId', substitutions: ['__proto__', 'read from the page'], tone: 'ok' },
    ],
  ])('%s', (_, who, signedIn, name, expected) => {
    const words = youAreWords(who, signedIn, name, 'read from the page');
    expect(words).toEqual(expected);
    expectSayable(words);
  });
});

describe('fromWords and labels', () => {
  test.each<[IdentitySource, PageSpot | undefined, string]>([
    ['jwt', undefined, 'identityFromJwt'],
    ['url', undefined, 'identityFromUrl'],
    ['page', 'localStorage', 'identityFromLocalStorage'],
    ['page', 'sessionStorage', 'identityFromSessionStorage'],
    ['page', 'element', 'identityFromElement'],
    ['page', undefined, 'identityFromLocalStorage'],
    ['settings', undefined, 'identityFromSettings'],
    ['learned', undefined, 'identityFromLearned'],
  ])('%s %s → %s', (source, spot, key) => {
    const from = fromWords(spot ? { source, spot } : { source });
    expect(from).toBe(key);
    expectSayable(from);
  });

  test.each(identitySources)('%s has a label', (source) => {
    expectSayable(sourceLabel[source]);
  });

  test('each source and spot is told apart', () => {
    const keys = [
      ...identitySources.filter((source) => source !== 'page').map((source) => fromWords({ source })),
      ...(['localStorage', 'sessionStorage', 'element'] as const).map((spot) => fromWords({ source: 'page', spot })),
    ];
    expect(new Set(keys).size).toBe(keys.length);
    expect(new Set(Object.values(sourceLabel)).size).toBe(identitySources.length);
  });
});

test('the identity sentences are the same set in both languages', () => {
  const identityKeys = (locale: Record<string, Message>) =>
    Object.keys(locale)
      .filter((key) => key.startsWith('identity'))
      .sort();
  expect(identityKeys(locales.zh_CN)).toEqual(identityKeys(locales.en));
  for (const key of identityKeys(locales.en))
    expect(placeholders(locales.zh_CN[key]!).byName, key).toEqual(placeholders(locales.en[key]!).byName);
});

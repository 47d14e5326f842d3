import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import {
  pageIdentityConfig,
  type PageIdentityConfig,
  type PageReading,
} from '../../../../utils/core/identity/page-reading';
import { readPageIdentity } from '../../../../utils/extension/read-page-identity';
import { DEFAULT_ID_PATHS, DEFAULT_NAME_PATHS } from '../../../../utils/core/settings/schema';

type StorageName = 'localStorage' | 'sessionStorage';

/** Stored values longer than this are not parsed (the reader's own limit, kept inside it). */
const MAX_PAGE_VALUE_CHARS = 512 * 1024;

const config = (overrides: Partial<PageIdentityConfig> = {}): PageIdentityConfig => ({
  storage: 'localStorage',
  key: 'vuex',
  selector: '',
  attribute: '',
  idPaths: DEFAULT_ID_PATHS,
  namePaths: DEFAULT_NAME_PATHS,
  ...overrides,
});

/**
 * The reader as `scripting.executeScript` runs it: its source text alone, compiled in the page's
 * global scope, with nothing of this module around it.
 */
type Reader = (config: PageIdentityConfig) => PageReading | null;
// eslint-disable-next-line @typescript-eslint/no-implied-eval -- the point: run the function from its text, as Chrome does
const fromText = new Function('config', `return (${readPageIdentity.toString()})(config)`) as Reader;
const serialised = (cfg: PageIdentityConfig): PageReading | null => fromText(cfg);

interface Page {
  readonly localStorage?: Record<string, string>;
  readonly sessionStorage?: Record<string, string>;
  readonly html?: string;
}

const setUp = (page: Page) => {
  for (const [key, value] of Object.entries(page.localStorage ?? {})) localStorage.setItem(key, value);
  for (const [key, value] of Object.entries(page.sessionStorage ?? {})) sessionStorage.setItem(key, value);
  // Fixed markup from the table, parsed as the host page's own would be.
  document.body.replaceChildren(...new DOMParser().parseFromString(page.html ?? '', 'text/html').body.childNodes);
};

beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
  document.body.innerHTML = '';
});

const vuex = JSON.stringify({ user: { id: '7', name: '李四', token: 'opaque-session-token' }, app: {} });

const cases: readonly [string, Page, PageIdentityConfig, PageReading | null][] = [
  // Storage keys.
  [
    'a Vuex store in localStorage',
    { localStorage: { vuex } },
    config(),
    { ok: true, id: '7', name: '李四', spot: 'localStorage' },
  ],
  [
    'a Vuex store in sessionStorage',
    { sessionStorage: { vuex }, localStorage: { vuex: JSON.stringify({ user: { id: 'wrong' } }) } },
    config({ storage: 'sessionStorage' }),
    { ok: true, id: '7', name: '李四', spot: 'sessionStorage' },
  ],
  [
    'a numeric id stays a number',
    { localStorage: { vuex: '{"user":{"userId":42,"userName":"admin"}}' } },
    config(),
    { ok: true, id: 42, name: 'admin', spot: 'localStorage' },
  ],
  [
    'a bare JSON number is the id',
    { localStorage: { userId: '42' } },
    config({ key: 'userId' }),
    { ok: true, id: 42, name: '', spot: 'localStorage' },
  ],
  [
    'a bare JSON string is the id',
    { localStorage: { userId: '"u-7"' } },
    config({ key: 'userId' }),
    { ok: true, id: 'u-7', name: '', spot: 'localStorage' },
  ],
  [
    'a bare JSON string is trimmed',
    { localStorage: { userId: '"  u-7 "' } },
    config({ key: 'userId' }),
    { ok: true, id: 'u-7', name: '', spot: 'localStorage' },
  ],
  [
    'a bare float is no id',
    { localStorage: { userId: '1.5' } },
    config({ key: 'userId' }),
    { ok: false, problem: 'no-id', spot: 'localStorage' },
  ],
  [
    'a bare unsafe integer is no id',
    { localStorage: { userId: '12345678901234567890' } },
    config({ key: 'userId' }),
    { ok: false, problem: 'no-id', spot: 'localStorage' },
  ],
  [
    'a bare blank string is no id',
    { localStorage: { userId: '"  "' } },
    config({ key: 'userId' }),
    { ok: false, problem: 'no-id', spot: 'localStorage' },
  ],
  [
    'JSON true is no id',
    { localStorage: { userId: 'true' } },
    config({ key: 'userId' }),
    { ok: false, problem: 'no-id', spot: 'localStorage' },
  ],
  [
    'JSON null is no id',
    { localStorage: { vuex: 'null' } },
    config(),
    { ok: false, problem: 'no-id', spot: 'localStorage' },
  ],
  // A session token stored as plain text must never be taken for an id.
  [
    'unquoted text is not JSON',
    { localStorage: { token: 'eyJhbGciOiJIUzI1NiJ9.e30.sig' } },
    config({ key: 'token' }),
    { ok: false, problem: 'not-json', spot: 'localStorage' },
  ],
  [
    'an unquoted opaque token is not JSON',
    { localStorage: { token: '8c1f0a7e-opaque' } },
    config({ key: 'token' }),
    { ok: false, problem: 'not-json', spot: 'localStorage' },
  ],
  [
    'an empty value is not JSON',
    { localStorage: { vuex: '' } },
    config(),
    { ok: false, problem: 'not-json', spot: 'localStorage' },
  ],
  [
    'a store without the fields',
    { localStorage: { vuex: '{"app":{"sidebar":true}}' } },
    config(),
    { ok: false, problem: 'no-id', spot: 'localStorage' },
  ],
  [
    'an id too long to be one falls to the next path',
    { localStorage: { vuex: JSON.stringify({ user: { id: 'x'.repeat(129), userId: 5 } }) } },
    config(),
    { ok: true, id: 5, name: '', spot: 'localStorage' },
  ],
  [
    'an id of 129 characters is no id',
    { localStorage: { userId: JSON.stringify('x'.repeat(129)) } },
    config({ key: 'userId' }),
    { ok: false, problem: 'no-id', spot: 'localStorage' },
  ],
  [
    'an id of 128 characters is one',
    { localStorage: { userId: JSON.stringify('x'.repeat(128)) } },
    config({ key: 'userId' }),
    { ok: true, id: 'x'.repeat(128), name: '', spot: 'localStorage' },
  ],
  [
    'a float falls to the next path',
    { localStorage: { vuex: '{"user":{"id":1.5,"userId":"9"}}' } },
    config(),
    { ok: true, id: '9', name: '', spot: 'localStorage' },
  ],
  [
    'prototype paths find nothing',
    { localStorage: { vuex: '{"a":{}}' } },
    config({ idPaths: ['constructor.name', 'a.constructor.name', '__proto__', 'toString'] }),
    { ok: false, problem: 'no-id', spot: 'localStorage' },
  ],
  [
    'empty path segments find nothing',
    { localStorage: { vuex: '{"":{"id":1},"user":{"":2}}' } },
    config({ idPaths: ['.id', 'user.', ''] }),
    { ok: false, problem: 'no-id', spot: 'localStorage' },
  ],
  [
    'array indexes are followed',
    { localStorage: { vuex: '{"users":[{"id":"first"}]}' } },
    config({ idPaths: ['users.0.id', 'users.length'] }),
    { ok: true, id: 'first', name: '', spot: 'localStorage' },
  ],
  [
    'names are trimmed and capped at 200',
    { localStorage: { vuex: JSON.stringify({ user: { id: 1, name: `  ${'名'.repeat(250)}` } }) } },
    config(),
    { ok: true, id: 1, name: '名'.repeat(200), spot: 'localStorage' },
  ],
  [
    'a hostile name is kept as data',
    { localStorage: { vuex: JSON.stringify({ user: { id: 1, name: '<img src=x onerror=alert(1)>' } }) } },
    config(),
    { ok: true, id: 1, name: '<img src=x onerror=alert(1)>', spot: 'localStorage' },
  ],
  [
    'a blank name falls to the next name path',
    { localStorage: { vuex: JSON.stringify({ user: { id: 1, name: ' ', userName: 'admin' } }) } },
    config(),
    { ok: true, id: 1, name: 'admin', spot: 'localStorage' },
  ],
  [
    'at the size limit it is read',
    {
      localStorage: {
        vuex: JSON.stringify({ user: { id: 1 }, pad: 'x'.repeat(MAX_PAGE_VALUE_CHARS - 30) }).padEnd(
          MAX_PAGE_VALUE_CHARS,
          ' ',
        ),
      },
    },
    config(),
    { ok: true, id: 1, name: '', spot: 'localStorage' },
  ],
  [
    'over 512 KB is not parsed',
    { localStorage: { vuex: JSON.stringify({ user: { id: 1 }, pad: 'x'.repeat(MAX_PAGE_VALUE_CHARS) }) } },
    config(),
    { ok: false, problem: 'too-large', spot: 'localStorage' },
  ],
  ['a missing key', {}, config(), { ok: false, problem: 'not-found', spot: 'localStorage' }],
  [
    'a missing key in sessionStorage',
    { localStorage: { vuex } },
    config({ storage: 'sessionStorage' }),
    { ok: false, problem: 'not-found', spot: 'sessionStorage' },
  ],
  // The element.
  [
    'a missing key falls through to the element',
    { html: '<span id="who" data-uid="9">  王五  </span>' },
    config({ selector: '#who', attribute: 'data-uid' }),
    { ok: true, id: '9', name: '王五', spot: 'element' },
  ],
  [
    'a key that is present does not fall through, even when it names nobody',
    { localStorage: { vuex: '{"app":{}}' }, html: '<span id="who" data-uid="9">王五</span>' },
    config({ selector: '#who', attribute: 'data-uid' }),
    { ok: false, problem: 'no-id', spot: 'localStorage' },
  ],
  [
    'the element’s attribute is the id and its text the name',
    { html: '<b class="u" data-id=" 12 "> 章三 </b>' },
    config({ key: '', selector: 'b.u', attribute: 'data-id' }),
    { ok: true, id: '12', name: '章三', spot: 'element' },
  ],
  [
    'without an attribute the text is the id',
    { html: '<b class="u">\n  admin \n</b>' },
    config({ key: '', selector: 'b.u' }),
    { ok: true, id: 'admin', name: '', spot: 'element' },
  ],
  [
    'the first match is read',
    { html: '<i class="u">1</i><i class="u">2</i>' },
    config({ key: '', selector: '.u' }),
    { ok: true, id: '1', name: '', spot: 'element' },
  ],
  [
    'an element without the attribute',
    { html: '<b class="u">章三</b>' },
    config({ key: '', selector: 'b.u', attribute: 'data-id' }),
    { ok: false, problem: 'no-id', spot: 'element' },
  ],
  [
    'an empty element',
    { html: '<b class="u">   </b>' },
    config({ key: '', selector: 'b.u' }),
    { ok: false, problem: 'no-id', spot: 'element' },
  ],
  [
    'an element whose text is too long to be an id',
    { html: `<div class="u">${'word '.repeat(40)}</div>` },
    config({ key: '', selector: '.u' }),
    { ok: false, problem: 'no-id', spot: 'element' },
  ],
  [
    'markup in the element is read as text',
    { html: '<b class="u" data-id="1">&lt;img src=x onerror=alert(1)&gt;</b>' },
    config({ key: '', selector: '.u', attribute: 'data-id' }),
    { ok: true, id: '1', name: '<img src=x onerror=alert(1)>', spot: 'element' },
  ],
  [
    'a missing element',
    { html: '<p>nobody</p>' },
    config({ key: '', selector: '#who' }),
    { ok: false, problem: 'not-found', spot: 'element' },
  ],
  [
    'a missing key and a missing element',
    {},
    config({ selector: '#who' }),
    { ok: false, problem: 'not-found', spot: 'element' },
  ],
  ['nothing configured', { localStorage: { vuex } }, config({ key: '', selector: '' }), null],
];

describe('readPageIdentity', () => {
  test.each(cases)('%s', (_, page, cfg, expected) => {
    setUp(page);
    expect(readPageIdentity(cfg)).toEqual(expected);
  });
});

describe('readPageIdentity from its source text alone (as executeScript runs it)', () => {
  test('names nothing from its module', () => {
    const source = readPageIdentity.toString();
    // Bundlers and test transforms rename imports and helpers (`__vite_ssr_import_0__`, `__name`).
    expect(source).not.toMatch(/__vite|__name|\bimport\b|\brequire\(/);
  });

  test.each(cases)('%s', (_, page, cfg, expected) => {
    setUp(page);
    expect(serialised(cfg)).toEqual(expected);
  });
});

// Not in the table above: happy-dom remembers a selector that failed and answers `null` the next time.
test.each([
  ['div[', 'p['],
  ['##', '#:('],
  ['[data-x=', '[data-y='],
  [':has(', 'li:has('],
])('an invalid selector (%s, %s) is bad-selector, and not read from storage it does not have', (direct, text) => {
  document.body.innerHTML = '<div>x</div>';
  expect(readPageIdentity(config({ key: '', selector: direct }))).toEqual({
    ok: false,
    problem: 'bad-selector',
    spot: 'element',
  });
  expect(serialised(config({ selector: text }))).toEqual({ ok: false, problem: 'bad-selector', spot: 'element' });
});

describe('storage that cannot be read', () => {
  const restore: (() => void)[] = [];
  afterEach(() => {
    for (const undo of restore.splice(0)) undo();
  });
  const replace = (name: StorageName, descriptor: PropertyDescriptor) => {
    const original = Object.getOwnPropertyDescriptor(window, name);
    Object.defineProperty(window, name, { configurable: true, ...descriptor });
    restore.push(() => {
      if (original) Object.defineProperty(window, name, original);
      else Reflect.deleteProperty(window, name);
    });
  };

  test.each<[string, StorageName, PropertyDescriptor]>([
    [
      'localStorage itself throws (cookies blocked)',
      'localStorage',
      {
        get() {
          throw new DOMException('Access is denied for this document.', 'SecurityError');
        },
      },
    ],
    [
      'sessionStorage itself throws (sandboxed frame)',
      'sessionStorage',
      {
        get() {
          throw new DOMException('The document is sandboxed.', 'SecurityError');
        },
      },
    ],
    [
      'getItem throws',
      'localStorage',
      {
        value: {
          getItem() {
            throw new DOMException('denied', 'SecurityError');
          },
        },
      },
    ],
  ])('%s → blocked, with or without an element configured', (_, name, descriptor) => {
    document.body.innerHTML = '<b id="who">admin</b>';
    replace(name, descriptor);
    for (const read of [readPageIdentity, serialised]) {
      expect(read(config({ storage: name }))).toEqual({ ok: false, problem: 'blocked', spot: name });
      expect(read(config({ storage: name, selector: '#who' }))).toEqual({ ok: false, problem: 'blocked', spot: name });
      // Without a key, storage is never touched.
      expect(read(config({ storage: name, key: '', selector: '#who' }))).toEqual({
        ok: true,
        id: 'admin',
        name: '',
        spot: 'element',
      });
    }
  });
});

describe('pageIdentityConfig', () => {
  const identity = {
    mode: 'auto',
    pageKey: 'vuex',
    pageStorage: 'sessionStorage' as const,
    pageSelector: '#who',
    pageAttribute: 'data-id',
    idPaths: ['user.id'],
    namePaths: ['user.name'],
  };

  test.each<[string, Partial<typeof identity>, PageIdentityConfig | null]>([
    [
      'auto with a key and an element',
      {},
      {
        storage: 'sessionStorage',
        key: 'vuex',
        selector: '#who',
        attribute: 'data-id',
        idPaths: ['user.id'],
        namePaths: ['user.name'],
      },
    ],
    [
      'a key only',
      { pageSelector: '', pageAttribute: '' },
      {
        storage: 'sessionStorage',
        key: 'vuex',
        selector: '',
        attribute: '',
        idPaths: ['user.id'],
        namePaths: ['user.name'],
      },
    ],
    [
      'an element only',
      { pageKey: '' },
      {
        storage: 'sessionStorage',
        key: '',
        selector: '#who',
        attribute: 'data-id',
        idPaths: ['user.id'],
        namePaths: ['user.name'],
      },
    ],
    ['neither', { pageKey: '', pageSelector: '' }, null],
    ['an attribute alone is nothing to read', { pageKey: '', pageSelector: '', pageAttribute: 'data-id' }, null],
    ['manual mode', { mode: 'manual' }, null],
    ['an unknown mode', { mode: 'Auto' }, null],
  ])('%s', (_, overrides, expected) => {
    expect(pageIdentityConfig({ ...identity, ...overrides })).toEqual(expected);
  });

  test('is plain data that survives structured cloning (executeScript args)', () => {
    const cfg = pageIdentityConfig(identity);
    expect(structuredClone(cfg)).toEqual(cfg);
  });
});

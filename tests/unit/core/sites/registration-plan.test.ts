import { describe, expect, test } from 'vitest';
import { planRegistration, splitForRegistration } from '../../../../utils/core/sites/registration-plan';

const A = 'http://a.test/*';
const B = 'https://b.test/*';

test.each([
  ['first registration', [], [A], false, { register: [A], injectInto: [A], announce: false }],
  ['nothing changed', [A], [A], false, { register: undefined, injectInto: [], announce: false }],
  ['a site added', [A], [A, B], false, { register: [A, B], injectInto: [B], announce: false }],
  ['a permission revoked', [A, B], [A], false, { register: [A], injectInto: [], announce: true }],
  ['every site gone', [A], [], false, { register: [], injectInto: [], announce: true }],
  [
    'after an update, open tabs get fresh scripts',
    [A],
    [A],
    true,
    { register: undefined, injectInto: [A], announce: false },
  ],
])('%s', (_, current, granted, reinject, expected) => {
  expect(planRegistration(current, granted, reinject)).toEqual(expected);
});

describe('splitForRegistration: every frame, and the frames a page fills by script where browsers allow it', () => {
  test.each([
    ['a whole site', ['http://localhost/*'], { paths: [], sites: ['http://localhost/*'] }],
    [
      'a path of a site',
      ['https://admin.example.com/users/*'],
      { paths: ['https://admin.example.com/users/*'], sites: [] },
    ],
    [
      'a path of a site also registered whole is left out (one script per frame)',
      ['http://h/*', 'http://h/admin/*'],
      { paths: [], sites: ['http://h/*'] },
    ],
    [
      'another scheme of the same host is another site',
      ['https://h/*', 'http://h/admin/*'],
      { paths: ['http://h/admin/*'], sites: ['https://h/*'] },
    ],
    [
      'subdomains',
      ['*://*.example.com/*', 'https://other.com/a/*'],
      { paths: ['https://other.com/a/*'], sites: ['*://*.example.com/*'] },
    ],
    ['nothing', [], { paths: [], sites: [] }],
  ])('%s', (_, patterns, split) => {
    expect(splitForRegistration(patterns)).toEqual(split);
  });
});

import { expect, test } from 'vitest';
import { planRegistration } from '../../../utils/sites/registration-plan';

const A = 'http://a.test/*';
const B = 'https://b.test/*';

test.each([
  ['first registration', [], [A], false, { register: [A], injectInto: [A], announce: false }],
  ['nothing changed', [A], [A], false, { register: undefined, injectInto: [], announce: false }],
  ['a site added', [A], [A, B], false, { register: [A, B], injectInto: [B], announce: false }],
  ['a permission revoked', [A, B], [A], false, { register: [A], injectInto: [], announce: true }],
  ['every site gone', [A], [], false, { register: [], injectInto: [], announce: true }],
  ['after an update, open tabs get fresh scripts', [A], [A], true, { register: undefined, injectInto: [A], announce: false }],
])('%s', (_, current, granted, reinject, expected) => {
  expect(planRegistration(current, granted, reinject)).toEqual(expected);
});

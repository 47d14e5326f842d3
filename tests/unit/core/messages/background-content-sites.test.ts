import { expect, test } from 'vitest';
import { readSitesMessage, SITES_MESSAGE } from '../../../../utils/core/messages/background-content-sites';

test.each([
  ['no sites', []],
  ['two patterns', ['https://admin.example.com/*', 'http://127.0.0.1/*']],
  ['the largest list', Array.from({ length: 100 }, (_, index) => `https://host${index}.example/*`)],
])('a sites message with %s is read', (_, matches) => {
  expect(readSitesMessage({ type: SITES_MESSAGE, matches })).toEqual({ type: SITES_MESSAGE, matches });
});

test.each([
  ['null', null],
  ['a string', SITES_MESSAGE],
  ['another message', { type: 'roster:ring', matches: [] }],
  ['no list', { type: SITES_MESSAGE }],
  ['a list that is not an array', { type: SITES_MESSAGE, matches: 'https://a.example/*' }],
  ['a pattern that is not text', { type: SITES_MESSAGE, matches: ['https://a.example/*', 7] }],
  ['more than 100 patterns', { type: SITES_MESSAGE, matches: Array.from({ length: 101 }, () => '<all_urls>') }],
])('%s is ignored', (_, message) => {
  expect(readSitesMessage(message)).toBeUndefined();
});

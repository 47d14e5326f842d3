import { expect, test } from 'vitest';
import { CONTENT_CALLS_PER_MINUTE, ContentPolicy } from '../../../../utils/background/ports/content-policy';
import { fromBackground } from '../../../../utils/core/messages/background-offscreen';

test('at most five calls a minute from one page, then again as the minute passes', () => {
  const policy = new ContentPolicy();
  const allowed = Array.from({ length: CONTENT_CALLS_PER_MINUTE + 2 }, (_, index) => policy.allowCall(index * 1_000));
  expect(allowed).toEqual([true, true, true, true, true, false, false]);
  expect(policy.allowCall(59_999)).toBe(false);
  expect(policy.allowCall(60_000)).toBe(true);
});

test('Call back and Dismiss only for calls this page was given as a toast, while they ring', () => {
  const policy = new ContentPolicy();
  expect(policy.mayAct('2 2026-11-25T10:00:00')).toBe(false);
  policy.toasted('2 2026-11-25T10:00:00');
  expect(policy.mayAct('2 2026-11-25T10:00:00')).toBe(true);
  policy.closed('2 2026-11-25T10:00:00');
  expect(policy.mayAct('2 2026-11-25T10:00:00')).toBe(false);
});

test('a flood of toasts keeps the newest 5,000 only', () => {
  const policy = new ContentPolicy();
  for (let index = 0; index < 5_001; index++) policy.toasted(String(index));
  expect(policy.mayAct('0')).toBe(false);
  expect(policy.mayAct('5000')).toBe(true);
});

const EXT = 'chrome-extension://roster/';
test.each([
  ['the background', { id: 'roster', url: `${EXT}background.js` }, true],
  ['a content script', { id: 'roster', url: 'https://admin.example/users', tab: { id: 3 } }, false],
  ['a content script claiming an extension URL', { id: 'roster', url: `${EXT}x.html`, tab: { id: 3 } }, false],
  ['another extension', { id: 'other', url: 'chrome-extension://other/background.js' }, false],
  ['no URL at all', { id: 'roster' }, false],
])('the offscreen ring answers %s: %s', (_, sender, expected) => {
  expect(fromBackground(sender, 'roster', EXT)).toBe(expected);
});

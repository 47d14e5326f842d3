import { expect, test } from 'vitest';
import { readBackgroundToView } from '../../../../utils/core/messages/background-to-view';

test.each([
  ['an event', { type: 'event', event: { type: 'presence', online: [] } }],
  ['a reply with a value', { type: 'reply', id: 3, ok: true, value: { anything: 1 } }],
  ['a reply whose value is undefined', { type: 'reply', id: 3, ok: true, value: undefined }],
  ['a refusal', { type: 'reply', id: 4, ok: false, error: 'timed out' }],
])('%s is read as it came', (_, message) => {
  expect(readBackgroundToView(message)).toBe(message);
});

test.each([
  ['null', null],
  ['text', 'event'],
  ['an array', [{ type: 'event' }]],
  ['no type', { event: { type: 'presence' } }],
  ['an unknown envelope', { type: 'push', event: { type: 'presence' } }],
  ['an event without its body', { type: 'event' }],
  ['an event of an unknown type', { type: 'event', event: { type: 'takeOver' } }],
  ['an event whose type is not text', { type: 'event', event: { type: 7 } }],
  ['a reply without an id', { type: 'reply', ok: true, value: 1 }],
  ['a reply whose id is text', { type: 'reply', id: '1', ok: true, value: 1 }],
  ['a reply without ok', { type: 'reply', id: 1, value: 1 }],
  ['a success without a value', { type: 'reply', id: 1, ok: true }],
  ['a refusal without its reason', { type: 'reply', id: 1, ok: false }],
  ['a refusal whose reason is not text', { type: 'reply', id: 1, ok: false, error: { html: '<b>' } }],
])('%s is dropped', (_, message) => {
  expect(readBackgroundToView(message)).toBeUndefined();
});

import { expect, test } from 'vitest';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { RosterClient } from '../../../utils/core/roster-client';
import { offerPart, takePart } from '../../../utils/content/part-shelf';

const host = () => ({ ctx: new ContentScriptContext('content'), client: {} as RosterClient });

test.each([
  ['taken once: loading a part twice starts it once', [true], [true, false]],
  ['a newer content script’s offer replaces an older one’s', [true, true], [true, false]],
  ['nothing from a content script that has ended (its extension was reloaded)', [false], [false]],
])('%s', (_, offers, takes) => {
  const offered = offers.map((alive) => {
    const each = host();
    offerPart('call-toasts', each, () => alive);
    return each;
  });
  expect(takes.map(() => takePart('call-toasts'))).toEqual(takes.map((took) => (took ? offered.at(-1) : undefined)));
});

test('each part has its own place on the shelf', () => {
  const toasts = host();
  offerPart('call-toasts', toasts, () => true);
  expect(takePart('hover-card')).toBeUndefined();
  expect(takePart('call-toasts')).toBe(toasts);
});

import { expect, test } from 'vitest';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { RosterClient } from '../../../../utils/core/roster-client';
import { offerToastsHost, takeToastsHost } from '../../../../utils/content/calls/toasts-host';

const host = (isValid: boolean) => {
  const ctx = new ContentScriptContext('content');
  if (!isValid) ctx.abort();
  return { ctx, client: {} as RosterClient };
};

test.each([
  ['taken once: loading the toasts twice mounts them once', [true], [true, false]],
  ['a newer content script’s offer replaces an older one’s', [true, true], [true, false]],
  ['nothing from a content script whose extension was reloaded', [false], [false]],
])('%s', (_, offers, takes) => {
  const offered = offers.map((valid) => host(valid));
  for (const each of offered) offerToastsHost(each);
  expect(takes.map(() => takeToastsHost())).toEqual(takes.map((took) => (took ? offered.at(-1) : undefined)));
});

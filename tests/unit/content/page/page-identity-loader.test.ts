import { expect, test } from 'vitest';
import type { PageIdentityConfig } from '../../../../utils/core/identity/page-reading';
import type { RosterClient } from '../../../../utils/core/roster-client';
import { readPageIdentityOnUse } from '../../../../utils/content/page/page-identity-loader';
import { takePart } from '../../../../utils/content/part-shelf';
import { realTimers } from '../../../helpers/real-timers';

const SPOT: PageIdentityConfig = {
  storage: 'localStorage',
  key: 'vuex',
  selector: '',
  attribute: '',
  idPaths: ['user.id'],
  namePaths: ['user.name'],
};
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

function reader(options: { config: PageIdentityConfig | null | undefined; fails?: number }) {
  const calls = { loads: 0, rereads: 0 };
  let failures = options.fails ?? 0;
  const deps = { timers: realTimers, window, config: () => options.config };
  const read = readPageIdentityOnUse(
    {} as RosterClient,
    deps,
    () => {
      calls.loads++;
      if (failures-- > 0) return Promise.reject(new Error('Cannot access contents of the page'));
      // What the part does as it is injected: it starts watching and hands back its reread.
      takePart('page-identity')?.started(() => calls.rereads++);
      return Promise.resolve(null);
    },
    new AbortController().signal,
  );
  return { read, calls, options };
}

test.each([
  ['the settings are not heard yet', undefined],
  ['the settings name no spot to read', null],
])('nothing is loaded while %s', async (_, config) => {
  const { read, calls } = reader({ config });
  read();
  read();
  await settle();
  expect(calls).toEqual({ loads: 0, rereads: 0 });
});

test('loaded once the settings name a spot; later settings changes reread through the part', async () => {
  const { read, calls, options } = reader({ config: undefined });
  read();
  options.config = SPOT;
  read();
  await settle();
  expect(calls).toEqual({ loads: 1, rereads: 0 });
  read();
  read();
  expect(calls).toEqual({ loads: 1, rereads: 2 });
});

test('a load that fails is asked again at the next settings change', async () => {
  const { read, calls } = reader({ config: SPOT, fails: 1 });
  read();
  await settle();
  read();
  await settle();
  read();
  expect(calls).toEqual({ loads: 2, rereads: 1 });
});

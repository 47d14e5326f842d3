import { expect, test } from 'vitest';
import { takePart } from '../../../../utils/content/part-shelf';
import { compileProfile } from '../../../../utils/content/tables/custom-profile';
import { loadProfilesOnUse } from '../../../../utils/content/tables/profiles-loader';

test.each([
  ['the part runs while it is injected', 'starts', compileProfile],
  ['the frame refuses the part', 'fails', undefined],
  ['the part ran but found no host (an older content script)', 'ran-elsewhere', undefined],
] as const)('%s: one load at a time, then tried', async (_, outcome, compiled) => {
  let loads = 0;
  const loader = loadProfilesOnUse(() => {
    loads++;
    if (outcome === 'fails') return Promise.reject(new Error('Cannot access contents of the page'));
    if (outcome === 'starts') takePart('site-profiles')?.started(compileProfile);
    return Promise.resolve(null);
  }, new AbortController().signal);
  expect(loader.compile).toBeUndefined();
  await Promise.all([loader.load(), loader.load()]);
  expect(loads).toBe(1);
  expect(loader.tried).toBe(true);
  expect(loader.compile).toBe(compiled);
});

test('a content script that has ended offers nothing to the part', () => {
  const ended = new AbortController();
  loadProfilesOnUse(() => Promise.resolve(null), ended.signal);
  ended.abort();
  expect(takePart('site-profiles')).toBeUndefined();
});

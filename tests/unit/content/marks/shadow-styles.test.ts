import { expect, test } from 'vitest';
import { takePart } from '../../../../utils/content/part-shelf';
import { styleShadowRootsOnUse } from '../../../../utils/content/marks/shadow-styles';

const RULES = 'roster-mark { display: inline-block; }';
const newRoot = () => document.createElement('div').attachShadow({ mode: 'open' });
/** Styled once: by a constructed sheet, or by a `<style>` where the sheet cannot be made. */
const sheets = (root: ShadowRoot) => root.adoptedStyleSheets.length + root.querySelectorAll('style').length;
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

test('the first shadow root asks for the rules once; roots found meanwhile are styled when they come', async () => {
  let loads = 0;
  let inject = () => undefined as unknown;
  const style = styleShadowRootsOnUse(() => {
    loads++;
    return new Promise((resolve) => (inject = () => resolve(takePart('shadow-styles')?.started(RULES))));
  }, new AbortController().signal);
  const [first, second] = [newRoot(), newRoot()];
  style(first);
  style(second);
  expect(loads).toBe(1);
  expect(sheets(first) + sheets(second)).toBe(0);
  inject();
  await settle();
  expect([sheets(first), sheets(second)]).toEqual([1, 1]);
  const later = newRoot();
  style(later);
  expect(sheets(later)).toBe(1);
  expect(loads).toBe(1);
});

test('a load that fails is asked again at the next root, and both roots get the rules', async () => {
  let loads = 0;
  const style = styleShadowRootsOnUse(() => {
    loads++;
    if (loads === 1) return Promise.reject(new Error('Cannot access contents of the page'));
    takePart('shadow-styles')?.started(RULES);
    return Promise.resolve(null);
  }, new AbortController().signal);
  const first = newRoot();
  style(first);
  await settle();
  expect(sheets(first)).toBe(0);
  const second = newRoot();
  style(second);
  await settle();
  expect(loads).toBe(2);
  expect([sheets(first), sheets(second)]).toEqual([1, 1]);
});

import { resolve } from 'node:path';
import { expect, test } from 'vitest';
import { cycles, importGraph, SOURCE_ROOTS } from '../../../../dev/layout/import-cycles';

const root = process.cwd();
const graph = () => importGraph(SOURCE_ROOTS.map((folder) => resolve(root, folder)));

test('the graph is read (a sanity check on the reader)', () => {
  const read = graph();
  expect(read.size).toBeGreaterThan(100);
  expect(read.get(resolve('utils/content/tables/table-headers.ts'))).toContain(
    resolve('utils/content/tables/rows-matching.ts'),
  );
});

test('no import cycles in utils/, components/ or entrypoints/', () => {
  expect(cycles(graph(), root)).toEqual([]);
});

test('the reader finds a cycle when there is one', () => {
  const found = cycles(
    new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a']],
      ['d', ['a']],
    ]),
    root,
  );
  expect(found.map((component) => component.length)).toEqual([3]);
});

import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { leafPaths } from '../../../../utils/core/settings/merge';
import { defaultSettings } from '../../../../utils/core/settings/validate';

interface SchemaNode {
  type: string;
  properties?: Record<string, SchemaNode>;
}

function schemaLeaves(node: SchemaNode, prefix = ''): string[] {
  if (node.type !== 'object' || !node.properties) return [prefix];
  return Object.entries(node.properties).flatMap(([key, child]) =>
    schemaLeaves(child, prefix ? `${prefix}.${key}` : key),
  );
}

test('every setting can be forced by IT policy (managed_schema.json covers them all)', () => {
  const schema = JSON.parse(readFileSync('public/managed_schema.json', 'utf8')) as SchemaNode;
  expect(schemaLeaves(schema).sort()).toEqual(leafPaths(defaultSettings()).sort());
});

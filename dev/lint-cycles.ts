import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cycles, importGraph, SOURCE_ROOTS } from './layout/import-cycles';

// Part of `npm run lint`: a cycle of imports fails it, with the modules that form it.
const root = fileURLToPath(new URL('../', import.meta.url));
const found = cycles(importGraph(SOURCE_ROOTS.map((folder) => join(root, folder))), root);
for (const component of found) console.error(`import cycle: ${component.join(' -> ')}`);
process.exitCode = found.length > 0 ? 1 : 0;

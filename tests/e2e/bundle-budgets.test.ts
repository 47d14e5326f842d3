import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';

/**
 * What each part of the extension costs to load, gzipped, from the builds the e2e setup just made:
 * a bundle that grows past its budget fails the tests instead of growing silently. The budgets are
 * today's sizes plus a little room; lower one when a bundle shrinks. The content script is loaded
 * into every host page, so it has the tightest watch.
 */
const BUDGETS_KIB: Readonly<Record<string, number>> = {
  'content script (js + css)': 12,
  'call toasts (before a frame’s first toast)': 3.5,
  'hover card (on a first hover)': 4,
  'custom site profiles (where one applies)': 2.5,
  'page identity reader (where the settings name a spot)': 2,
  'marks’ rules for shadow roots (at the first one)': 1.5,
  background: 38,
  popup: 27,
  'options page': 47.5,
};

const BUILDS = ['chrome-mv3-demo', 'firefox-mv2-demo'];

const gzipped = (path: string) => gzipSync(readFileSync(path), { level: 9 }).length;

/** A file and every chunk it imports statically, each once. */
function withImports(path: string, seen: Set<string>): void {
  if (seen.has(path) || !existsSync(path)) return;
  seen.add(path);
  if (!path.endsWith('.js')) return;
  for (const match of readFileSync(path, 'utf8').matchAll(/(?:import|from)\s*"(\.{1,2}\/[^"]+\.js)"/g))
    withImports(resolve(dirname(path), match[1] ?? ''), seen);
}

/** An HTML page and all it loads before it runs: its script, the preloaded chunks, the stylesheets. */
function pageFiles(root: string, page: string): string[] {
  const seen = new Set<string>([join(root, page)]);
  for (const match of readFileSync(join(root, page), 'utf8').matchAll(/(?:src|href)="\/([^"]+\.(?:js|css))"/g))
    withImports(join(root, match[1] ?? ''), seen);
  return [...seen];
}

function sizes(root: string): Record<string, number> {
  const files: Record<string, string[]> = {
    'content script (js + css)': ['content-scripts/content.js', 'content-scripts/content.css'].map((file) =>
      join(root, file),
    ),
    'call toasts (before a frame’s first toast)': [join(root, 'call-toasts.js')],
    'hover card (on a first hover)': [join(root, 'hover-card.js'), join(root, 'assets/hover-card-style.css')],
    'custom site profiles (where one applies)': [join(root, 'site-profiles.js')],
    'page identity reader (where the settings name a spot)': [join(root, 'page-identity.js')],
    'marks’ rules for shadow roots (at the first one)': [join(root, 'shadow-styles.js')],
    background: (() => {
      const seen = new Set<string>();
      withImports(join(root, 'background.js'), seen);
      return [...seen];
    })(),
    popup: pageFiles(root, 'popup.html'),
    'options page': pageFiles(root, 'options.html'),
  };
  return Object.fromEntries(
    Object.entries(files).map(([part, paths]) => [part, paths.reduce((total, path) => total + gzipped(path), 0)]),
  );
}

describe.each(BUILDS)('bundle budgets: %s', (build) => {
  const root = resolve('.output', build);

  test('every part loads within its budget (gzipped)', () => {
    const measured = sizes(root);
    console.info(
      `${build}: ${Object.entries(measured)
        .map(([part, bytes]) => `${part} ${(bytes / 1024).toFixed(1)} KiB`)
        .join(', ')}`,
    );
    for (const [part, bytes] of Object.entries(measured)) {
      expect(bytes, `${part} in ${build}`).toBeGreaterThan(500);
      expect(bytes / 1024, `${part} in ${build}, KiB`).toBeLessThanOrEqual(BUDGETS_KIB[part] ?? 0);
    }
  });
});

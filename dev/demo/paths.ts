import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/** Where `wxt build --mode demo` writes each browser's build (WXT suffixes non-production modes). */
export const chromeDemoDir = join(repoRoot, '.output', 'chrome-mv3-demo');
export const firefoxDemoDir = join(repoRoot, '.output', 'firefox-mv2-demo');

/** Chromium to launch: `CHROME_PATH` if set, else Debian's. */
export function findChromium(): string | undefined {
  const candidates = [process.env['CHROME_PATH'], '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  return candidates.find((path): path is string => Boolean(path) && existsSync(path ?? ''));
}

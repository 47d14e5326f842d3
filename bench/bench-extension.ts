import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { EXTENSION_DIR } from '../tests/e2e/helpers/chromium';

/** The Chromium the browser benchmarks drive; they are skipped on machines without one. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function hasChromium(): boolean {
  return existsSync(CHROMIUM);
}

/**
 * The unpacked extension a browser benchmark loads. `ROSTER_BENCH_EXT` names one built before (a
 * copy outside .output), so a benchmark never rebuilds what others are testing; without it the
 * demo build is made into .output, as `npm run bench` always did.
 */
export function benchExtensionDir(): string {
  const prebuilt = process.env.ROSTER_BENCH_EXT;
  if (prebuilt) return resolve(prebuilt);
  execFileSync('npx', ['wxt', 'build', '--mode', 'demo'], { stdio: 'ignore' });
  return EXTENSION_DIR;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromeDemoDir, repoRoot } from './paths';

/** Runs `npx wxt build --mode demo`; resolves to the unpacked Chrome build, rejects on failure. */
export function buildDemoExtension(): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('npx', ['wxt', 'build', '--mode', 'demo'], { cwd: repoRoot, stdio: 'inherit' });
    child.on('error', (error) => reject(new Error(`could not run npx wxt build: ${error.message}`)));
    child.on('exit', (code, signal) => {
      if (code !== 0) {
        reject(new Error(`npx wxt build --mode demo failed (${signal ?? `exit code ${code}`})`));
      } else if (!existsSync(join(chromeDemoDir, 'manifest.json'))) {
        reject(new Error(`the build finished but ${chromeDemoDir}/manifest.json is missing`));
      } else {
        resolve(chromeDemoDir);
      }
    });
  });
}

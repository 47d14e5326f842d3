import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromeDemoDir, firefoxDemoDir, repoRoot } from './paths';

/** Builds the demo flavour for Chrome and Firefox; resolves to the unpacked Chrome build. */
export async function buildDemoExtension(): Promise<string> {
  await build([]);
  await build(['-b', 'firefox']);
  for (const dir of [chromeDemoDir, firefoxDemoDir]) {
    if (!existsSync(join(dir, 'manifest.json')))
      throw new Error(`the build finished but ${dir}/manifest.json is missing`);
  }
  return chromeDemoDir;
}

function build(extra: readonly string[]): Promise<void> {
  const args = ['wxt', 'build', '--mode', 'demo', ...extra];
  return new Promise((resolve, reject) => {
    const child = spawn('npx', args, { cwd: repoRoot, stdio: 'inherit' });
    child.on('error', (error) => reject(new Error(`could not run npx wxt build: ${error.message}`)));
    child.on('exit', (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`npx ${args.join(' ')} failed (${signal ?? `exit code ${code}`})`));
    });
  });
}

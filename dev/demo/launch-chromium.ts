import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface LaunchedBrowser {
  /** Ends the browser this launcher started (by its pid), then removes its throwaway profile. */
  stop(): Promise<void>;
}

/** Chromium flushes its profile on SIGTERM; past this, give up waiting (the temp dir is harmless). */
const EXIT_WAIT_MS = 3000;

/** Opens `url` in a fresh Chromium profile with the unpacked extension loaded. */
export function launchChromium(
  executable: string,
  extensionDir: string,
  url: string,
  log: (line: string) => void,
): LaunchedBrowser {
  const profile = mkdtempSync(join(tmpdir(), 'roster-demo-profile-'));
  const args = [
    `--user-data-dir=${profile}`,
    `--load-extension=${extensionDir}`,
    `--disable-extensions-except=${extensionDir}`,
    '--no-first-run',
    '--no-default-browser-check',
    // Chromium refuses to start as root with its sandbox on (containers, CI boxes).
    ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
    url,
  ];
  const child = spawn(executable, args, { stdio: 'ignore' });
  child.on('error', (error) => log(`could not start ${executable}: ${error.message}`));
  child.on('exit', (code) => log(`browser exited${code === null ? '' : ` (code ${code})`}`));
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    child.once('exit', () => resolve());
    child.once('error', () => resolve());
  });
  return {
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, EXIT_WAIT_MS).unref())]);
      rmSync(profile, { recursive: true, force: true, maxRetries: 3 });
    },
  };
}

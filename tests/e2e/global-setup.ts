import { execFileSync } from 'node:child_process';

/**
 * End-to-end tests load the demo builds (localhost permissions granted at install): Chromium's
 * (`.output/chrome-mv3-demo`) and Firefox's (`.output/firefox-mv2-demo`).
 */
export default function setup(): void {
  execFileSync('npx', ['wxt', 'build', '--mode', 'demo'], { stdio: 'inherit' });
  execFileSync('npx', ['wxt', 'build', '--mode', 'demo', '-b', 'firefox'], { stdio: 'inherit' });
}

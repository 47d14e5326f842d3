import { execFileSync } from 'node:child_process';

/** End-to-end tests load the demo build (localhost permissions granted at install). */
export default function setup(): void {
  execFileSync('npx', ['wxt', 'build', '--mode', 'demo'], { stdio: 'inherit' });
}

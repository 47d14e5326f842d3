/**
 * Headless Chromium with the demo build of the extension, as the other browser benchmarks run it.
 * `ROSTER_BENCH_EXT=<dir>` loads an already-built copy instead of building (for working on the
 * benchmark while something else writes `.output/`).
 */
import { execFileSync } from 'node:child_process';
import { launchWithExtension, EXTENSION_DIR, type ExtensionBrowser } from '../../tests/e2e/helpers/chromium';
import type { RosterServer } from '../../dev/server/index';

export function extensionDir(): string {
  const given = process.env.ROSTER_BENCH_EXT;
  if (given) return given;
  execFileSync('npx', ['wxt', 'build', '--mode', 'demo'], { stdio: 'ignore' });
  return EXTENSION_DIR;
}

export async function launch(): Promise<ExtensionBrowser> {
  return launchWithExtension({ extensionDir: extensionDir() });
}

/**
 * Roster on (its socket, its marks on the admin pages) or off: off, it looks for a cookie the site
 * never sets, so it opens no socket, and it runs on no page but the server's own.
 */
export async function configureRoster(
  browser: ExtensionBrowser,
  server: RosterServer,
  pageOrigin: string,
  on: boolean,
): Promise<void> {
  await browser.worker.evaluate(async (settings) => chrome.storage.local.set({ settings }), {
    serverUrl: server.wsUrl,
    auth: { cookieUrl: `${server.httpUrl}/`, cookieName: on ? 'USERTOKEN' : 'PEER_BENCH_NO_SUCH_COOKIE' },
    directory: { url: `${server.httpUrl}/api/users` },
    sites: { matches: on ? [`${pageOrigin}/*`] : [] },
  });
}

/** Signs the user in: the admin site sets `USERTOKEN`, which the recipe's pages and Roster both read. */
export async function signIn(browser: ExtensionBrowser, server: RosterServer, userId: string): Promise<void> {
  const page = await browser.context.newPage();
  await page.goto(`${server.httpUrl}/login?userId=${userId}`);
  await page.close();
}

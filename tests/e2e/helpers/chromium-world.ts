import { isDeepStrictEqual } from 'node:util';
import type { Page } from 'playwright-core';
import { startServer, type RosterServer, type ServerOptions } from '../../../dev/server/index';
import { closeAllClients } from '../../integration/helpers/ws-client';
import { launchWithExtension, type ExtensionBrowser, type LaunchOptions } from './chromium';
import { Colleagues } from './popup-world';
import { siteSettings } from './roster-page';

/** I am user 1 (章三) in every Chromium test. */
export const ME = '1';

export interface ChromiumWorldOptions extends LaunchOptions {
  /** The host shape the reference server plays (token mode, id type); it always takes a free port. */
  readonly server?: Omit<ServerOptions, 'port'>;
  /** Replaces parts of the settings saved at start (`siteSettings`: the server, the sign-in cookie, the user list). */
  readonly settings?: Record<string, unknown>;
}

/**
 * One Chromium with the demo build, pointed at one reference server on a random port, plus
 * colleagues as plain WebSocket clients: the setup most Chromium e2e files share (the Chromium
 * counterpart of `FirefoxWorld`). Start one per file or per `describe`, and `reset` it before each
 * test so that no test depends on what another one left behind.
 */
export class ChromiumWorld {
  server!: RosterServer;
  browser!: ExtensionBrowser;
  readonly colleagues = new Colleagues(() => this.server);
  /** The settings `start` saved: what `reset` puts back. */
  settings: Record<string, unknown> = {};
  #serverOptions: Omit<ServerOptions, 'port'> = {};

  async start(options: ChromiumWorldOptions = {}): Promise<void> {
    const { server, settings, ...launch } = options;
    this.#serverOptions = server ?? {};
    this.server = await startServer({ ...server, port: 0 });
    this.browser = await launchWithExtension(launch);
    this.settings = { ...siteSettings(this.server.httpUrl, this.server.wsUrl), ...settings };
    await this.saveSettings(this.settings);
  }

  async stop(): Promise<void> {
    closeAllClients();
    this.colleagues.forgetAll();
    // Either may be missing when `start` failed half-way.
    await (this.browser as ExtensionBrowser | undefined)?.close();
    await (this.server as RosterServer | undefined)?.close();
  }

  /** The server comes back on the same port, as after a restart (close it first); nobody else is online yet. */
  async restartServer(): Promise<void> {
    this.server = await startServer({ ...this.#serverOptions, port: this.server.port });
  }

  /** Replaces Roster's saved settings, as the options page does. */
  async saveSettings(settings: Record<string, unknown>): Promise<void> {
    await this.browser.worker.evaluate(async (value) => {
      await chrome.storage.local.set({ settings: value });
    }, settings);
  }

  /** The settings as saved now. */
  storedSettings(): Promise<unknown> {
    return this.browser.worker.evaluate(async () => (await chrome.storage.local.get('settings')).settings);
  }

  /** Signs in on the host site (in `page`, or a new tab) as a person does; resolves once Roster is connected. */
  async signIn(page?: Page): Promise<Page> {
    const tab = page ?? (await this.browser.context.newPage());
    await tab.goto(`${this.server.httpUrl}/login?userId=${ME}`);
    await this.server.waitFor(() => this.server.connectionCount(ME) === 1, 15_000);
    return tab;
  }

  /** A new tab showing `path` of the host site (the demo admin page by default), not waited on beyond its load. */
  async openHostTab(path = '/', viewport?: { width: number; height: number }): Promise<Page> {
    const page = await this.browser.context.newPage();
    if (viewport) await page.setViewportSize(viewport);
    await page.goto(new URL(path, this.server.httpUrl).href);
    return page;
  }

  /** Closes every tab but one, left blank (a browser with no tab at all would quit). */
  async closeTabs(): Promise<void> {
    const [keep, ...others] = this.browser.context.pages();
    for (const page of others) await page.close();
    if (keep && keep.url() !== 'about:blank') await keep.goto('about:blank');
  }

  /**
   * Back to where `start` and a sign-in leave things, whatever the test before did: one blank tab,
   * the settings `start` saved, me signed in and connected, and exactly `colleagues` online (with
   * empty frame queues).
   */
  async reset(...colleagues: string[]): Promise<void> {
    await this.closeTabs();
    if (!isDeepStrictEqual(await this.storedSettings(), this.settings)) await this.saveSettings(this.settings);
    await this.colleagues.keepOnly(...colleagues);
    if (this.server.connectionCount(ME) !== 1) {
      // Signed out, or dropped by the server: a fresh sign-in gives Roster a new cookie to use.
      const tab = await this.browser.context.newPage();
      await tab.goto(`${this.server.httpUrl}/logout`);
      await this.signIn(tab);
      await tab.close();
    }
  }
}

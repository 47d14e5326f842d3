import { isDeepStrictEqual } from 'node:util';
import type { Page } from 'puppeteer-core';
import { startServer, type RosterServer, type ServerOptions } from '../../../dev/server/index';
import { closeAllClients } from '../../integration/helpers/ws-client';
import { marksInPage, userIdsInPage, type ShownMark } from './dots';
import { launchFirefox, type ExtensionGlobal, type FirefoxLaunchOptions, type FirefoxWithExtension } from './firefox';
import { Colleagues, testSettings } from './popup-world';

/** I am user 1 (章三) in every Firefox test. */
export const ME = '1';

/** How long a poll waits for what should follow at once (another view of an event already seen). */
export const SOON = 5_000;

/** Ready selectors of the extension's pages. */
const POPUP_READY = 'main.popup[aria-busy="false"]';
const OPTIONS_READY = '#field-serverUrl';

export interface FirefoxWorldOptions extends FirefoxLaunchOptions {
  /** Replaces parts of the test settings (`testSettings` in popup-world). */
  readonly settings?: Record<string, unknown>;
  /** The host shape the reference server plays (token mode, id type). */
  readonly server?: ServerOptions;
}

/**
 * One Firefox with the demo build, pointed at one reference server on a random port, plus
 * colleagues as plain WebSocket clients. `extension` is the options page, kept open in a tab of
 * its own: tests use its `browser.*` to set the extension up and to read what Firefox shows
 * outside the pages (toolbar badge, notifications). It has no effect on calls (the popup does: it
 * marks them seen). Start one per file and `reset` it before each test (as `ChromiumWorld`), so that
 * no test depends on what another one left behind.
 */
export class FirefoxWorld {
  server!: RosterServer;
  firefox!: FirefoxWithExtension;
  extension!: Page;
  readonly colleagues = new Colleagues(() => this.server);
  /** The settings `start` saved: what `reset` puts back. */
  settings: Record<string, unknown> = {};

  async start(options: FirefoxWorldOptions = {}): Promise<void> {
    this.server = await startServer({ ...options.server, port: 0 });
    this.firefox = await launchFirefox(options);
    this.extension = await this.firefox.openExtensionPage('/options.html', OPTIONS_READY);
    this.settings = { ...testSettings(this.server), ...options.settings };
    await this.saveSettings(this.settings);
  }

  /**
   * Saves Roster's settings where Firefox keeps them: the extension's own IndexedDB (content
   * scripts cannot reach it, unlike `storage.local`), announced on its channel as the options page does.
   */
  saveSettings(settings: Record<string, unknown>): Promise<void> {
    return this.extension.evaluate(async (value) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open('roster', 1);
        open.onupgradeneeded = () => open.result.createObjectStore('items');
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(new Error(String(open.error)));
      });
      await new Promise((resolve, reject) => {
        const write = db.transaction('items', 'readwrite');
        write.objectStore('items').put(value, 'settings');
        write.oncomplete = resolve;
        write.onerror = () => reject(new Error(String(write.error)));
      });
      db.close();
      new BroadcastChannel('roster-items').postMessage('settings');
    }, settings);
  }

  /** The settings as saved now (`undefined` when none are). */
  storedSettings(): Promise<unknown> {
    return this.extension.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open('roster', 1);
        open.onupgradeneeded = () => open.result.createObjectStore('items');
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(new Error(String(open.error)));
      });
      const value = await new Promise<unknown>((resolve, reject) => {
        const read = db.transaction('items', 'readonly').objectStore('items').get('settings');
        read.onsuccess = () => resolve(read.result);
        read.onerror = () => reject(new Error(String(read.error)));
      });
      db.close();
      return value;
    });
  }

  async stop(): Promise<void> {
    closeAllClients();
    this.colleagues.forgetAll();
    // Either may be missing when `start` failed half-way.
    await (this.firefox as FirefoxWithExtension | undefined)?.close();
    await (this.server as RosterServer | undefined)?.close();
  }

  /** Signs in on the host site (in `page`, or a new tab) as a person does; resolves once Roster is connected. */
  async signIn(page?: Page): Promise<Page> {
    const tab = page ?? (await this.firefox.browser.newPage());
    await tab.goto(`${this.server.httpUrl}/login?userId=${ME}`);
    await this.server.waitFor(() => this.server.connectionCount(ME) === 1, 15_000);
    await tab.waitForSelector('.users-table tr.el-table__row', { timeout: 10_000 });
    return tab;
  }

  /** Signs out on the host site (in a tab closed afterwards); resolves once Roster has closed its socket. */
  async signOut(): Promise<void> {
    const tab = await this.firefox.browser.newPage();
    await tab.goto(`${this.server.httpUrl}/logout`);
    await this.server.waitFor(() => this.server.connectionCount(ME) === 0, 15_000);
    await tab.close();
  }

  /** Closes every tab but the extension's own (`extension`): popups, host tabs, the blank one Firefox starts with. */
  async closeTabs(): Promise<void> {
    for (const page of await this.firefox.browser.pages()) {
      if (page === this.extension || page.url() === this.extension.url()) continue;
      await page.close();
    }
  }

  /**
   * Back to where `start` and a sign-in leave things, whatever the test before did: no tab but the
   * extension's, the settings `start` saved, me signed in and connected, and exactly `colleagues`
   * online (with empty frame queues). Calls still ringing are left alone: see `endCalls`.
   */
  async reset(...colleagues: string[]): Promise<void> {
    await this.closeTabs();
    if (!isDeepStrictEqual(await this.storedSettings(), this.settings)) await this.saveSettings(this.settings);
    await this.colleagues.keepOnly(...colleagues);
    if (this.server.connectionCount(ME) !== 1) {
      // Signed out, or dropped by the server: a fresh sign-in gives Roster a new cookie to use.
      const tab = await this.firefox.browser.newPage();
      await tab.goto(`${this.server.httpUrl}/logout`);
      await this.signIn(tab);
      await tab.close();
    }
  }

  /**
   * No call left over from an earlier test: each one still ringing dismissed in the popup (which
   * also counts every call as seen: the badge goes blank), then any notification left cleared.
   */
  async endCalls(): Promise<void> {
    const popup = await this.openPopup();
    try {
      await waitUntil(
        async () => {
          if ((await popup.$$eval('section.ringing', (sections) => sections.length)) === 0) return true;
          // A click may land on a row that is just going: the next poll tries again.
          await popup.click('section.ringing button[aria-label^="Dismiss"]').catch(() => undefined);
          return false;
        },
        10_000,
        () => 'the popup still shows calls ringing',
      );
      await waitUntil(
        async () => (await this.badge()) === '',
        SOON,
        () => 'the badge never went blank',
      );
    } finally {
      await popup.close();
    }
    await this.extension.evaluate(async () => {
      const api = (globalThis as ExtensionGlobal).browser;
      for (const id of Object.keys(await api.notifications.getAll())) await api.notifications.clear(id);
    });
    await waitUntil(
      async () => Object.keys(await this.notifications()).length === 0,
      SOON,
      () => 'notifications are still shown',
    );
  }

  /** Another tab with the demo admin page. */
  async openHostTab(): Promise<Page> {
    const page = await this.firefox.browser.newPage();
    await page.goto(this.server.httpUrl);
    await page.waitForSelector('.users-table tr.el-table__row', { timeout: 10_000 });
    return page;
  }

  /** The toolbar popup's page in a tab, once it has drawn the background's state. */
  openPopup(): Promise<Page> {
    return this.firefox.openExtensionPage('/popup.html', POPUP_READY);
  }

  /** The notifications Firefox shows for Roster right now, by id. */
  notifications(): Promise<Record<string, { title?: string; message?: string }>> {
    return this.extension.evaluate(async () => {
      // Firefox answers with each notification's options (Chrome's types say only `true`).
      const all = (await (globalThis as ExtensionGlobal).browser.notifications.getAll()) as unknown as Record<
        string,
        { title?: string; message?: string }
      >;
      return Object.fromEntries(
        Object.entries(all).map(([id, options]) => [id, { title: options.title, message: options.message }]),
      );
    });
  }

  /**
   * Runs `code` in Roster's content-script world of `page` (Firefox's `tabs.executeScript` from an
   * extension page) and returns its result: the world that may see Roster's closed shadow roots
   * (`openOrClosedShadowRoot`), and the world a semi-trusted content script has.
   */
  async inContentWorld<T>(page: Page, code: string): Promise<T> {
    const title = `roster-test-${Math.random().toString(36).slice(2)}`;
    const before = await page.evaluate((marker) => {
      const was = document.title;
      document.title = marker;
      return was;
    }, title);
    try {
      return await this.extension.evaluate(
        async ([marker, source]) => {
          const api = (globalThis as ExtensionGlobal).browser;
          // Firefox tells the tabs API of a new title a moment after the page sets it.
          let [tab] = await api.tabs.query({ title: marker });
          for (let tries = 0; tab?.id === undefined && tries < 40; tries++) {
            await new Promise((resolve) => setTimeout(resolve, 50));
            [tab] = await api.tabs.query({ title: marker });
          }
          if (tab?.id === undefined) throw new Error('tab not found');
          const results = (await api.tabs.executeScript(tab.id, { code: source })) ?? [];
          return results[0] as T;
        },
        [title, code] as const,
      );
    } finally {
      await page.evaluate((was) => (document.title = was), before);
    }
  }

  /** The text of each call toast on a host page (they live in Roster's closed shadow root). */
  toastTexts(page: Page): Promise<string[]> {
    return this.inContentWorld(
      page,
      `(() => { const host = document.querySelector('roster-call-toasts'); const root = host && host.openOrClosedShadowRoot;
        return root ? [...root.querySelectorAll('.toast')].map((toast) => toast.textContent) : []; })()`,
    );
  }

  /** How many `<img>` the toasts hold (a name rendered as markup would make one). */
  imagesInToasts(page: Page): Promise<number> {
    return this.inContentWorld(
      page,
      `(() => { const host = document.querySelector('roster-call-toasts'); const root = host && host.openOrClosedShadowRoot;
        return root ? root.querySelectorAll('img').length : 0; })()`,
    );
  }

  /** Clicks the first toast button labelled `label` with the real mouse, as a person does. */
  async clickToastButton(page: Page, label: string): Promise<void> {
    const box = await this.inContentWorld<{ x: number; y: number } | null>(
      page,
      `(() => { const host = document.querySelector('roster-call-toasts'); const root = host && host.openOrClosedShadowRoot;
        const button = root && [...root.querySelectorAll('button')].find((candidate) => candidate.textContent.trim() === ${JSON.stringify(label)});
        if (!button) return null; const rect = button.getBoundingClientRect(); return { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 }; })()`,
    );
    if (!box) throw new Error(`no toast button ${label}`);
    await page.mouse.click(box.x, box.y);
  }

  /** The text on Roster's toolbar button. */
  badge(): Promise<string> {
    return this.extension.evaluate(() => (globalThis as ExtensionGlobal).browser.browserAction.getBadgeText({}));
  }

  /** What each mark should say, from the server's own online list. */
  expectedState(userId: string): string {
    if (userId === ME) return 'me';
    return this.server.onlineIds().includes(userId) ? 'online' : 'offline';
  }

  /**
   * Waits until every mark of the page agrees with the server and the el-table has one per row.
   * Usable in hooks too (`expect.poll` is not).
   */
  async marksSettle(page: Page, timeoutMs = 10_000): Promise<ShownMark[]> {
    const expected = (marks: readonly ShownMark[]) =>
      marks.map((mark) => `${mark.table}:${mark.user}:${this.expectedState(mark.user)}`).sort();
    let last: ShownMark[] = [];
    await waitUntil(
      async () => {
        last = await readMarks(page);
        const rows = await page.evaluate(userIdsInPage);
        return (
          rows.length > 0 &&
          last.filter((mark) => mark.table === 'users').length === rows.length &&
          summary(last).join() === expected(last).join()
        );
      },
      timeoutMs,
      () =>
        `the marks at ${page.url()} never matched the server (online: ${this.server.onlineIds().join(', ')}): ${summary(last).join(' ') || 'no marks'}`,
    );
    return last;
  }
}

/** Polls `check` every 100 ms until it is true; fails after `timeoutMs` saying what was seen. */
export async function waitUntil(
  check: () => Promise<boolean>,
  timeoutMs: number,
  describe: () => string,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`after ${timeoutMs} ms: ${describe()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Every `roster-mark` on a page, as the page's DOM shows it. */
export function readMarks(page: Page): Promise<ShownMark[]> {
  return page.evaluate(marksInPage);
}

/** `table:user:state` of each mark, sorted: a page's marks at a glance. */
export function summary(marks: readonly ShownMark[]): string[] {
  return marks.map((mark) => `${mark.table}:${mark.user}:${mark.state}`).sort();
}

/** The names the popup lists as online (me excluded), sorted. */
export function popupNames(popup: Page): Promise<string[]> {
  return popup.$$eval('.person .name', (names) => names.map((name) => name.textContent).sort());
}

/** The popup's connection headline. */
export function headline(popup: Page): Promise<string> {
  return popup.$eval('#status-headline', (element) => element.textContent);
}

/** What a host page's own script saw of one `roster:call` event's detail. */
export interface HeardCall {
  readonly json?: string;
  /** An ordinary object of the page (not a wrapper it cannot read). */
  readonly plain?: boolean;
  readonly keys?: string[];
  readonly callerName?: unknown;
  /** What reading the detail threw, if it did. */
  readonly error?: string;
}

/** The host app's own code: it listens for Roster's DOM event, as it did for its bus event. */
export function listenForCallEvents(page: Page, eventName = 'roster:call'): Promise<void> {
  return page.evaluate((name) => {
    const heard: unknown[] = [];
    Object.assign(window, { heardCalls: heard });
    window.addEventListener(name, (event) => {
      try {
        const detail = (event as CustomEvent<Record<string, unknown>>).detail;
        heard.push({
          json: JSON.stringify(detail),
          plain: Object.getPrototypeOf(detail) === Object.prototype,
          keys: Object.keys(detail).sort(),
          callerName: detail.callerName,
        });
      } catch (error) {
        heard.push({ error: String(error) });
      }
    });
  }, eventName);
}

export function heardCalls(page: Page): Promise<HeardCall[]> {
  return page.evaluate(() => (window as unknown as { heardCalls: HeardCall[] }).heardCalls);
}

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
 * marks them seen).
 */
export class FirefoxWorld {
  server!: RosterServer;
  firefox!: FirefoxWithExtension;
  extension!: Page;
  readonly colleagues = new Colleagues(() => this.server);

  async start(options: FirefoxWorldOptions = {}): Promise<void> {
    this.server = await startServer({ ...options.server, port: 0 });
    this.firefox = await launchFirefox(options);
    this.extension = await this.firefox.openExtensionPage('/options.html', OPTIONS_READY);
    await this.saveSettings({ ...testSettings(this.server), ...options.settings });
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

  async stop(): Promise<void> {
    closeAllClients();
    // Either may be missing when `start` failed half-way.
    await (this.firefox as FirefoxWithExtension | undefined)?.close();
    await (this.server as RosterServer | undefined)?.close();
  }

  /** Signs in on the host site in a new tab, as a person does; resolves once Roster is connected. */
  async signIn(): Promise<Page> {
    const page = await this.firefox.browser.newPage();
    await page.goto(`${this.server.httpUrl}/login?userId=${ME}`);
    await this.server.waitFor(() => this.server.connectionCount(ME) === 1, 15_000);
    await page.waitForSelector('.users-table tr.el-table__row', { timeout: 10_000 });
    return page;
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

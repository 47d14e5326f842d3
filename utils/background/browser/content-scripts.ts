import { browser } from 'wxt/browser';
import type { ScriptPublicPath } from 'wxt/utils/inject-script';
import { createLogger } from '../../core/log';
import type { Settings } from '../../core/settings/schema';
import { frameAddress } from '../../extension/frame-address';
import { matchesAny } from '../../core/sites/match-pattern';
import { planRegistration, splitForRegistration } from '../../core/sites/registration-plan';
import { browserMatches, siteMatches } from '../../core/sites/site-scope';
import { SITES_MESSAGE, type SitesMessage } from '../../core/messages/background-content-sites';

const log = createLogger('sites');

export const CONTENT_SCRIPT_ID = 'roster-presence-marks';
/** The whole sites, with the frames their pages fill by script (see `splitForRegistration`). */
export const FRAME_SCRIPT_ID = 'roster-presence-marks-frames';
const SCRIPT_IDS = [CONTENT_SCRIPT_ID, FRAME_SCRIPT_ID];
/** Where WXT puts the `content` entrypoint and its stylesheet. */
const SCRIPT: ScriptPublicPath = '/content-scripts/content.js';
const STYLE = '/content-scripts/content.css';
// Registration wants paths relative to the extension's root.
const relative = (path: string) => path.replace(/^\//, '');

/** The browser APIs the registration uses; tests give an in-memory one. */
export interface ScriptingHost {
  /** What our content script is registered for; empty when it is not registered. */
  registeredMatches(): Promise<string[]>;
  /** Registers for exactly `matches` (non-empty), replacing any earlier registration. */
  register(matches: readonly string[]): Promise<void>;
  unregister(): Promise<void>;
  isGranted(pattern: string): Promise<boolean>;
  /** Open tabs whose page matches one of `patterns`. */
  tabsMatching(patterns: readonly string[]): Promise<number[]>;
  allTabs(): Promise<number[]>;
  /** Into every frame of the tab whose address matches one of `patterns`. */
  inject(tabId: number, patterns: readonly string[]): Promise<void>;
  tell(tabId: number, message: SitesMessage): Promise<void>;
}

export function browserScriptingHost(): ScriptingHost {
  const registered = async () => browser.scripting.getRegisteredContentScripts({ ids: SCRIPT_IDS });
  const unregister = async () => {
    const ids = (await registered()).map((script) => script.id);
    if (ids.length > 0) await browser.scripting.unregisterContentScripts({ ids });
  };
  const script = () => ({
    js: [relative(SCRIPT)],
    css: [relative(STYLE)],
    runAt: 'document_idle' as const,
    allFrames: true,
    persistAcrossSessions: true,
  });
  return {
    registeredMatches: async () => (await registered()).flatMap((found) => found.matches ?? []),
    async register(matches) {
      await unregister();
      // Every frame of a matching address: iframe shells keep each admin page in a frame.
      const { paths, sites } = splitForRegistration(matches);
      await browser.scripting.registerContentScripts([
        ...(paths.length > 0 ? [{ ...script(), id: CONTENT_SCRIPT_ID, matches: [...paths] }] : []),
        ...(sites.length > 0
          ? [{ ...script(), id: FRAME_SCRIPT_ID, matches: [...sites], matchOriginAsFallback: true }]
          : []),
      ]);
    },
    unregister,
    isGranted: (pattern) => browser.permissions.contains({ origins: [pattern] }),
    // Filtered again here: `tabs.query` ignores `url` for origins it may not read.
    tabsMatching: async (patterns) =>
      (await browser.tabs.query({ url: [...patterns] })).flatMap((tab) =>
        tab.id !== undefined && tab.url && matchesAny(patterns, tab.url) ? [tab.id] : [],
      ),
    allTabs: async () => (await browser.tabs.query({})).flatMap((tab) => (tab.id === undefined ? [] : [tab.id])),
    async inject(tabId, patterns) {
      // Which frames? Ask each for its address first: only the configured sites' frames get the script.
      const frames = await browser.scripting.executeScript({ target: { tabId, allFrames: true }, func: frameAddress });
      const frameIds = frames.flatMap((frame) =>
        typeof frame.result === 'string' && matchesAny(patterns, frame.result) ? [frame.frameId] : [],
      );
      if (frameIds.length === 0) return;
      await browser.scripting.insertCSS({ target: { tabId, frameIds }, files: [STYLE] });
      await browser.scripting.executeScript({ target: { tabId, frameIds }, files: [SCRIPT] });
    },
    tell: async (tabId, message) => {
      await browser.tabs.sendMessage(tabId, message);
    },
  };
}

/**
 * Keeps the content script registered for exactly the configured sites whose host permission is
 * granted. Runs after every settings change, permission change and install/update, one run at a
 * time. Open tabs follow at once: newly covered ones get the script, and when a site is removed or
 * its permission revoked, tabs are told and their scripts remove their marks.
 */
export class ContentScriptSync {
  readonly #host: ScriptingHost;
  #settings: Pick<Settings, 'sites' | 'auth'> | undefined;
  #queue: Promise<void> = Promise.resolve();
  #reinject = false;

  constructor(host: ScriptingHost) {
    this.#host = host;
  }

  configure(settings: Pick<Settings, 'sites' | 'auth'>): void {
    this.#settings = settings;
    this.#schedule();
  }

  permissionsChanged(): void {
    this.#schedule();
  }

  /** After an install or update the scripts in open tabs are orphans: the next run replaces them. */
  installed(): void {
    this.#reinject = true;
    this.#schedule();
  }

  /** Resolves once every run asked for so far has finished. */
  settled(): Promise<void> {
    return this.#queue;
  }

  #schedule(): void {
    this.#queue = this.#queue
      .then(() => this.#sync())
      .catch((error: unknown) => log.warn('could not update the content script registration', error));
  }

  async #sync(): Promise<void> {
    const settings = this.#settings;
    if (!settings) return;
    const host = this.#host;
    const wanted = browserMatches(siteMatches(settings));
    const allowed = (
      await Promise.all(wanted.map(async (pattern) => ((await host.isGranted(pattern)) ? [pattern] : [])))
    ).flat();
    // As the browser will hold them: a path pattern of a site registered whole is left out.
    const split = splitForRegistration(allowed);
    const granted = [...split.paths, ...split.sites].sort();
    const plan = planRegistration([...(await host.registeredMatches())].sort(), granted, this.#reinject);
    this.#reinject = false;
    if (plan.register) {
      if (plan.register.length > 0) await host.register(plan.register);
      else await host.unregister();
      log.debug(`content script registered for: ${plan.register.join(', ') || 'nothing'}`);
    }
    // Tabs without our script refuse messages and injections: that is expected, not an error.
    const quiet = (what: string) => (error: unknown) => log.debug(what, error);
    if (plan.announce) {
      const message: SitesMessage = { type: SITES_MESSAGE, matches: granted };
      for (const tabId of await host.allTabs())
        host.tell(tabId, message).catch(quiet(`tab ${tabId} has no marks to remove`));
    }
    if (plan.injectInto.length > 0) {
      for (const tabId of await host.tabsMatching(plan.injectInto))
        await host.inject(tabId, plan.injectInto).catch(quiet(`could not inject into tab ${tabId}`));
    }
  }
}

/** Top-level listeners (so these events wake a stopped worker) that re-run the sync. */
export function resyncOnSiteEvents(sync: ContentScriptSync): void {
  browser.permissions.onAdded.addListener(() => sync.permissionsChanged());
  browser.permissions.onRemoved.addListener(() => sync.permissionsChanged());
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason === 'install' || reason === 'update') sync.installed();
  });
}

import { beforeEach, describe, expect, test } from 'vitest';
import { ContentScriptSync, type ScriptingHost } from '../../../../utils/background/browser/content-scripts';
import type { SitesMessage } from '../../../../utils/core/messages/background-content-sites';
import { matchesAny } from '../../../../utils/core/sites/match-pattern';
import { defaultSettings } from '../../../../utils/core/settings/validate';

/** The browser as the registration sees it: granted origins, a registration, open tabs. */
class FakeHost implements ScriptingHost {
  granted = new Set<string>();
  registered: string[] = [];
  tabs = new Map<number, string>();
  injected: number[] = [];
  told: [number, SitesMessage][] = [];
  calls = 0;

  registeredMatches = () => Promise.resolve([...this.registered]);
  register = (matches: readonly string[]) => {
    this.calls++;
    this.registered = [...matches];
    return Promise.resolve();
  };
  unregister = () => {
    this.calls++;
    this.registered = [];
    return Promise.resolve();
  };
  isGranted = (pattern: string) => Promise.resolve(this.granted.has(pattern));
  tabsMatching = (patterns: readonly string[]) =>
    Promise.resolve([...this.tabs].filter(([, url]) => matchesAny(patterns, url)).map(([tabId]) => tabId));
  allTabs = () => Promise.resolve([...this.tabs.keys()]);
  inject = (tabId: number) => {
    this.injected.push(tabId);
    return Promise.resolve();
  };
  tell = (tabId: number, message: SitesMessage) => {
    this.told.push([tabId, message]);
    // A tab without our script refuses: the sync must shrug that off.
    return this.tabs.get(tabId)?.startsWith('https://other')
      ? Promise.reject(new Error('Receiving end does not exist'))
      : Promise.resolve();
  };
}

const base = defaultSettings();
const settings = (cookieUrl: string, matches: string[] = []) => ({
  auth: { ...base.auth, cookieUrl },
  sites: { ...base.sites, matches },
});

let host: FakeHost;
let sync: ContentScriptSync;

beforeEach(() => {
  host = new FakeHost();
  host.tabs.set(1, 'http://localhost:8787/users');
  host.tabs.set(2, 'https://other.test/');
  sync = new ContentScriptSync(host);
});

describe('the content script follows settings and permissions', () => {
  test('the sign-in site, granted: registered without its port, and the open tab gets the script now', async () => {
    host.granted.add('http://localhost/*');
    sync.configure(settings('http://localhost:8787/'));
    await sync.settled();
    expect(host.registered).toEqual(['http://localhost/*']);
    expect(host.injected).toEqual([1]);
  });

  test('not granted (production before the user allows it): nothing registered, nothing injected', async () => {
    sync.configure(settings('https://admin.example.com/'));
    await sync.settled();
    expect(host.registered).toEqual([]);
    expect(host.injected).toEqual([]);
  });

  test('granted later: the permission event registers it', async () => {
    sync.configure(settings('https://admin.example.com/'));
    await sync.settled();
    host.granted.add('https://admin.example.com/*');
    sync.permissionsChanged();
    await sync.settled();
    expect(host.registered).toEqual(['https://admin.example.com/*']);
  });

  test('revoked: unregistered, and every tab is told where Roster may still run (errors from tabs are quiet)', async () => {
    host.granted.add('http://localhost/*');
    sync.configure(settings('http://localhost:8787/'));
    await sync.settled();
    host.granted.clear();
    sync.permissionsChanged();
    await sync.settled();
    expect(host.registered).toEqual([]);
    expect(host.told).toEqual([
      [1, { type: 'roster:sites', matches: [] }],
      [2, { type: 'roster:sites', matches: [] }],
    ]);
  });

  test('a site removed from settings is told too; an unchanged one is not re-registered', async () => {
    host.granted.add('http://localhost/*').add('https://a.test/*');
    sync.configure(settings('', ['http://localhost:8787/*', 'https://a.test/*']));
    await sync.settled();
    const calls = host.calls;
    sync.configure(settings('', ['http://localhost:8787/*', 'https://a.test/*']));
    await sync.settled();
    expect(host.calls).toBe(calls);
    sync.configure(settings('', ['https://a.test/*']));
    await sync.settled();
    expect(host.registered).toEqual(['https://a.test/*']);
    expect(host.told.map(([, message]) => message.matches)).toEqual([['https://a.test/*'], ['https://a.test/*']]);
  });

  test('after an update the orphaned scripts in open tabs are replaced', async () => {
    host.granted.add('http://localhost/*');
    sync.configure(settings('http://localhost:8787/'));
    await sync.settled();
    host.injected = [];
    sync.installed();
    await sync.settled();
    expect(host.injected).toEqual([1]);
  });

  test('an install event before the settings are known waits for them', async () => {
    host.granted.add('http://localhost/*');
    host.registered = ['http://localhost/*'];
    sync.installed();
    await sync.settled();
    expect(host.injected).toEqual([]);
    sync.configure(settings('http://localhost:8787/'));
    await sync.settled();
    expect(host.injected).toEqual([1]);
  });

  test('a failing browser call is logged and the next run still happens', async () => {
    host.granted.add('http://localhost/*');
    host.register = () => Promise.reject(new Error('Duplicate script ID'));
    sync.configure(settings('http://localhost:8787/'));
    await sync.settled();
    host.register = (matches) => ((host.registered = [...matches]), Promise.resolve());
    sync.permissionsChanged();
    await sync.settled();
    expect(host.registered).toEqual(['http://localhost/*']);
  });
});

import { vi } from 'vitest';
import type { OptionsPorts } from '../../../../../utils/pages/options/ports';
import type { TesterReply } from '../../../../../utils/core/messages/options-tester';
import type { TabInfo } from '../../../../../utils/pages/options/tester-tabs';
import type { UserId } from '../../../../../utils/core/protocol/schemas';
import type {
  ConnectionProbeResult,
  DirectoryProbeResult,
  IdentityProbeResult,
} from '../../../../../utils/core/messages/options-background-probes';
import { resolveSettings, type EditableSettings } from '../../../../../utils/extension/settings-storage';
import { defaultSettings, validateSettings } from '../../../../../utils/core/settings/validate';

/**
 * The options page's outside world in memory: saved settings and a policy, granted origins and the
 * browser's prompt, the background's tests, open tabs. Every call is recorded.
 */
export class FakePorts implements OptionsPorts {
  own: unknown;
  managed: Record<string, unknown>;
  grantedOrigins: string[];
  /** What the browser's access prompt answers. */
  grant = true;
  tabList: TabInfo[] = [];
  readonly #followers = new Set<(settings: EditableSettings) => void>();
  readonly #permissionListeners = new Set<() => void>();
  /** Sends a reply from the tab under test. */
  testerReply: ((reply: TesterReply, frameId: number) => void) | undefined;
  readonly sentProfiles: unknown[] = [];

  constructor(options: { own?: unknown; managed?: Record<string, unknown>; granted?: string[] } = {}) {
    this.own = options.own ?? {};
    this.managed = options.managed ?? {};
    this.grantedOrigins = options.granted ?? ['http://localhost/*', 'http://127.0.0.1/*'];
  }

  editable(): EditableSettings {
    const own = validateSettings(this.own);
    return { ...resolveSettings(this.own, this.managed), own: own.ok ? own.settings : defaultSettings() };
  }

  /** The saved settings or the policy changed elsewhere. */
  changed(): void {
    const editable = this.editable();
    for (const listener of this.#followers) listener(editable);
  }

  readonly settings = {
    follow: (listener: (settings: EditableSettings) => void, signal: AbortSignal) => {
      this.#followers.add(listener);
      signal.addEventListener('abort', () => this.#followers.delete(listener), { once: true });
      queueMicrotask(() => listener(this.editable()));
    },
    save: vi.fn((draft: unknown) => {
      const result = validateSettings(draft);
      if (result.ok) {
        this.own = result.settings;
        queueMicrotask(() => this.changed());
      }
      return Promise.resolve(result);
    }),
  };

  readonly permissions = {
    granted: () => Promise.resolve([...this.grantedOrigins]),
    onChange: (listener: () => void, signal: AbortSignal) => {
      this.#permissionListeners.add(listener);
      signal.addEventListener('abort', () => this.#permissionListeners.delete(listener), { once: true });
    },
    request: vi.fn((origins: readonly string[]) => {
      if (this.grant) {
        this.grantedOrigins.push(...origins);
        for (const listener of this.#permissionListeners) listener();
      }
      return Promise.resolve(this.grant);
    }),
  };

  connectionResult: ConnectionProbeResult = { outcome: 'connected', me: { id: '1', name: '章三' }, online: 4 };
  directoryResult: DirectoryProbeResult = {
    outcome: 'read',
    users: 6,
    skipped: 0,
    beyond: 0,
    sample: ['章三', '李四', '王五'],
  };
  identityResult: IdentityProbeResult = {
    outcome: 'identity',
    signedIn: true,
    me: { id: '1' as UserId, name: '章三', source: 'page', spot: 'localStorage' },
    sources: {
      jwt: { state: 'failed', problem: 'not-jwt' },
      url: { state: 'failed', problem: 'http', status: 404, detail: 'https://corp/api/me answered HTTP 404' },
      page: { state: 'found', id: '1' as UserId, name: '章三', spot: 'localStorage' },
      settings: { state: 'off' },
      learned: { state: 'waiting' },
    },
  };

  readonly probes = {
    connection: vi.fn(() => Promise.resolve(this.connectionResult)),
    directory: vi.fn(() => Promise.resolve(this.directoryResult)),
    identity: vi.fn(() => Promise.resolve(this.identityResult)),
  };

  readonly tester = {
    tabs: () => Promise.resolve([...this.tabList]),
    onTabsChange: () => undefined,
    start: vi.fn((_tabId: number, onReply: (reply: TesterReply, frameId: number) => void) => {
      this.testerReply = onReply;
      return Promise.resolve((profile: unknown) => void this.sentProfiles.push(profile));
    }),
    show: vi.fn(() => Promise.resolve()),
  };

  shortcutKey: string | undefined = 'Alt+Shift+R';
  readonly shortcut = {
    current: vi.fn(() => Promise.resolve(this.shortcutKey)),
    openSettings: vi.fn(() => Promise.resolve()),
  };

  readonly playRing = vi.fn();
  readonly download = vi.fn();
  readonly extension = { id: 'nehbojjjlciiofmcpheindobdgmmddph', browser: 'chrome' as const };
}

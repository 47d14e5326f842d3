import type { Clock, Timers } from '../../core/timers';
import { createLogger } from '../../core/log';
import type { UserId } from '../../core/protocol/schemas';
import type { IdentitySettings } from '../../core/settings/schema';
import { asName, asUserId, type NamedId } from '../../core/identity/identity-json';
import { identityUrl } from '../../core/identity/identity-url';
import {
  chooseMe,
  identitySources,
  readJwtIdentity,
  settingsIdentity,
  type IdentityReadings,
  type IdentitySource,
  type Me,
} from '../../core/identity/me';
import { pageIdentityConfig, type PageReading } from '../../core/identity/page-reading';
import { ServerEvidence, type Classified } from '../../core/identity/server-evidence';
import type { IdentityStatus, SourceState } from '../../core/identity/status';
import { fetchWhoAmI } from '../../core/identity/who-am-i';

const log = createLogger('identity');

/** Learned identities, saved per token hash (never per token) so a restart or reconnect keeps them. */
export interface LearnedStore {
  get(tokenHash: string): Promise<NamedId | undefined>;
  set(tokenHash: string, user: NamedId): Promise<void>;
}

export interface IdentityDeps {
  readonly fetch: typeof fetch;
  readonly timers: Timers;
  readonly clock: Clock;
  /** A one-way digest of the token: identities are bound to it, and it alone is ever stored. */
  readonly hashToken: (token: string) => Promise<string>;
  readonly learned: LearnedStore;
}

/** What a restarted worker takes over from the last one (`storage.session`): no token. */
export interface IdentitySnapshot {
  readonly tokenHash: string;
  readonly readings: IdentityReadings;
}

export interface IdentityHooks {
  /** Who I am, or how the sources stand, changed. */
  readonly changed: () => void;
  /** Host pages should read their identity again (the token changed: what they said was about the last one). */
  readonly askPages: () => void;
}

/** More changes of mind than this within the window, and the page is not believed for a while. */
const PAGE_FLIPS = 3;
const PAGE_FLIP_WINDOW_MS = 60_000;
const PAGE_MUTE_MS = 5 * 60_000;

/**
 * Who the signed-in user is, from every source the settings allow, always for the current token:
 * a new token (another person signed in) drops everything learned for the last one. Each source
 * keeps a status the options page can put into words. Nothing here blocks a call: until someone
 * is known, calls are sorted by what the server shows (`classify`).
 */
export class IdentityTracker {
  readonly #deps: IdentityDeps;
  readonly #hooks: IdentityHooks;
  #settings: IdentitySettings;
  #siteUrl: string;
  #token: string | undefined;
  #tokenHash: string | undefined;
  /** Counts token changes: an answer for an older token is thrown away. */
  #generation = 0;
  #readings: IdentityReadings = {};
  #failures: Partial<Record<IdentitySource, SourceState & { state: 'failed' }>> = {};
  #fetching: AbortController | undefined;
  readonly #evidence = new ServerEvidence();
  #mismatch: IdentityStatus['mismatch'];
  #pageFlips: number[] = [];
  #pageMutedUntil = 0;

  constructor(
    deps: IdentityDeps,
    settings: IdentitySettings,
    siteUrl: string,
    hooks: IdentityHooks,
    restored?: IdentitySnapshot,
  ) {
    this.#deps = deps;
    this.#hooks = hooks;
    this.#settings = settings;
    this.#siteUrl = siteUrl;
    if (restored) {
      this.#tokenHash = restored.tokenHash;
      this.#readings = restored.readings;
    }
  }

  configure(settings: IdentitySettings, siteUrl: string): void {
    if (JSON.stringify([settings, siteUrl]) === JSON.stringify([this.#settings, this.#siteUrl])) return;
    const before = this.#settings;
    this.#settings = settings;
    this.#siteUrl = siteUrl;
    this.#readings = { ...this.#readings, jwt: readJwtIdentity(this.#token, settings) };
    if (JSON.stringify(pageIdentityConfig(before)) !== JSON.stringify(pageIdentityConfig(settings))) {
      this.#readings = { ...this.#readings, page: undefined };
      delete this.#failures.page;
      this.#hooks.askPages();
    }
    this.#startFetch();
    this.#hooks.changed();
  }

  /** The token as last read (before every connection attempt and on every cookie change). */
  token(token: string | undefined): void {
    // A restored worker holds a hash but no token yet: its first read must still bind or forget.
    if (token === this.#token && (token === undefined) === (this.#tokenHash === undefined)) {
      // The same sign-in: ask the host again only if it failed last time.
      if (this.#failures.url) this.#startFetch();
      return;
    }
    const generation = ++this.#generation;
    const switched = this.#token !== undefined;
    this.#token = token;
    if (switched || token === undefined) this.#forget();
    this.#readings = { ...this.#readings, jwt: readJwtIdentity(token, this.#settings) };
    this.#hooks.changed();
    if (token === undefined) return;
    void this.#bind(token, generation);
  }

  /** What a host page says (the content script of a tab of the configured sites). */
  page(reading: PageReading): void {
    if (!pageIdentityConfig(this.#settings) || this.#token === undefined) return;
    const now = this.#deps.clock.now();
    if (now < this.#pageMutedUntil) return;
    if (!reading.ok) {
      // One tab without the element or the key does not undo what another tab read.
      if (!this.#readings.page) this.#fail('page', { state: 'failed', problem: reading.problem, spot: reading.spot });
      return;
    }
    const id = asUserId(reading.id);
    if (id === undefined) return this.#fail('page', { state: 'failed', problem: 'bad-id', spot: reading.spot });
    if (!this.#evidence.possible(id))
      return this.#fail('page', { state: 'failed', problem: 'not-in-lists', spot: reading.spot });
    const previous = this.#readings.page;
    if (previous && previous.id !== id) {
      this.#pageFlips = [...this.#pageFlips.filter((at) => now - at < PAGE_FLIP_WINDOW_MS), now];
      if (this.#pageFlips.length > PAGE_FLIPS) {
        this.#pageMutedUntil = now + PAGE_MUTE_MS;
        this.#pageFlips = [];
        log.warn(`the host page named ${PAGE_FLIPS + 1} different users within a minute; not believed for 5 minutes`);
        return this.#fail('page', { state: 'failed', problem: 'unstable', spot: reading.spot });
      }
    }
    const name = asName(reading.name) ?? '';
    if (previous?.id === id && previous.name === name && previous.spot === reading.spot && !this.#failures.page) return;
    delete this.#failures.page;
    this.#readings = { ...this.#readings, page: { id, name, spot: reading.spot } };
    this.#hooks.changed();
  }

  /** Who is online after a full list (see `ServerEvidence.onlineList`). */
  onlineList(online: ReadonlySetLike<UserId>, complete: boolean): void {
    this.#evidence.onlineList(online, complete);
    if (!this.#updateLearned()) this.#hooks.changed();
  }

  /** This browser sent a call to `to` (its echo must not ring us). */
  sent(to: UserId): void {
    this.#evidence.sent(to, this.#deps.clock.now());
  }

  /** Sorts a call frame on our socket: for me, or an echo of mine. Never drops a call for want of an identity. */
  classify(call: { readonly senderId: UserId; readonly receiverId: UserId }): Classified {
    // What was learned is the evidence's own conclusion: the evidence sorts calls better without it.
    const me = this.me();
    const result = this.#evidence.classify(call, me?.source === 'learned' ? undefined : me?.id, this.#deps.clock.now());
    if (result.mismatch) {
      log.warn(
        `a call for ID ${call.receiverId} came to this browser, which believes it is ID ${this.me()?.id ?? '?'}: shown anyway`,
      );
      this.#mismatch = { receiverId: call.receiverId, at: this.#deps.clock.now() };
      this.#hooks.changed();
    }
    this.#updateLearned();
    return result;
  }

  me(): Me | undefined {
    return chooseMe(this.#readings, this.#settings);
  }

  /** Whether the server's lists allow `id` to be me (a page or setting naming someone else is suspect). */
  possible(id: UserId): boolean {
    return this.#evidence.possible(id);
  }

  status(): IdentityStatus {
    const sources = Object.fromEntries(identitySources.map((source) => [source, this.#sourceState(source)])) as Record<
      IdentitySource,
      SourceState
    >;
    const ambiguity = this.#readings.learned || !this.#settings.learn ? undefined : this.#evidence.ambiguity();
    return { sources, ...(ambiguity ? { ambiguity } : {}), ...(this.#mismatch ? { mismatch: this.#mismatch } : {}) };
  }

  snapshot(): IdentitySnapshot | undefined {
    return this.#tokenHash === undefined ? undefined : { tokenHash: this.#tokenHash, readings: this.#readings };
  }

  stop(): void {
    this.#fetching?.abort();
  }

  #sourceState(source: IdentitySource): SourceState {
    const settings = this.#settings;
    const configured: Record<IdentitySource, boolean> = {
      jwt: true,
      url: identityUrl(settings.url, this.#siteUrl) !== '',
      page: pageIdentityConfig(settings) !== null,
      settings: settings.userId !== '',
      learned: settings.learn,
    };
    if (!configured[source] || (settings.mode === 'manual' && source !== 'settings')) return { state: 'off' };
    if (source === 'settings') {
      const typed = settingsIdentity(settings);
      return typed ? { state: 'found', ...typed } : { state: 'failed', problem: 'bad-id' };
    }
    const failure = this.#failures[source];
    // The page's last good answer is still used, but that it just said something unbelievable is worth showing.
    if (failure && (failure.problem === 'unstable' || failure.problem === 'not-in-lists')) return failure;
    if (source === 'page' && this.#readings.page) return { state: 'found', ...this.#readings.page };
    const found = source === 'page' ? undefined : this.#readings[source];
    if (found) return { state: 'found', ...found };
    if (failure) return failure;
    if (this.#token === undefined) return { state: 'waiting' };
    if (source === 'jwt') return { state: 'failed', problem: 'not-jwt' };
    if (source === 'url' && this.#readings.jwt) return { state: 'unused' };
    return { state: 'waiting' };
  }

  /** Drops everything bound to the last token. */
  #forget(): void {
    this.#fetching?.abort();
    this.#fetching = undefined;
    this.#tokenHash = undefined;
    this.#readings = {};
    this.#failures = {};
    this.#mismatch = undefined;
    this.#pageFlips = [];
    this.#pageMutedUntil = 0;
    this.#evidence.reset();
  }

  async #bind(token: string, generation: number): Promise<void> {
    const hash = await this.#deps.hashToken(token);
    if (generation !== this.#generation) return;
    if (hash !== this.#tokenHash) {
      // Restored from a restarted worker for another token, or a first sign-in: nothing carries over.
      if (this.#tokenHash !== undefined) this.#forget();
      this.#token = token;
      this.#tokenHash = hash;
      this.#readings = { jwt: readJwtIdentity(token, this.#settings) };
      this.#hooks.askPages();
      const learned = await this.#deps.learned.get(hash).catch((error: unknown) => {
        log.warn('could not read what was learned about this sign-in', error);
        return undefined;
      });
      if (generation !== this.#generation) return;
      if (learned && !this.#readings.learned) this.#readings = { ...this.#readings, learned };
    }
    this.#startFetch();
    this.#hooks.changed();
  }

  #startFetch(): void {
    this.#fetching?.abort();
    this.#fetching = undefined;
    const url = identityUrl(this.#settings.url, this.#siteUrl);
    delete this.#failures.url;
    // The token names the user already: no need to ask the host.
    if (!url || this.#settings.mode !== 'auto' || this.#tokenHash === undefined || this.#readings.jwt) return;
    const controller = new AbortController();
    this.#fetching = controller;
    const generation = this.#generation;
    void fetchWhoAmI(url, this.#settings, this.#deps, controller.signal).then((result) => {
      if (controller.signal.aborted || generation !== this.#generation) return;
      this.#fetching = undefined;
      if (result.ok) {
        this.#readings = { ...this.#readings, url: result.user };
      } else {
        // The last good answer for this sign-in stays; the status says what went wrong.
        log.warn(`"who am I" failed (${result.problem}): ${result.detail}`);
        this.#failures.url = {
          state: 'failed',
          problem: result.problem,
          detail: result.detail,
          ...(result.status ? { status: result.status } : {}),
        };
      }
      this.#hooks.changed();
    });
  }

  #fail(source: IdentitySource, failure: SourceState & { state: 'failed' }): void {
    if (JSON.stringify(this.#failures[source]) === JSON.stringify(failure)) return;
    this.#failures[source] = failure;
    this.#hooks.changed();
  }

  /** True when what was learned changed (and `changed` was called). */
  #updateLearned(): boolean {
    if (!this.#settings.learn) return false;
    const id = this.#evidence.learned();
    const known = this.#readings.learned;
    if (id === undefined && known && !this.#evidence.possible(known.id)) {
      // Learned before (or restored from an earlier session), now ruled out by the lists.
      log.warn(`the server's lists rule out ID ${known.id}, learned before: forgotten`);
      this.#readings = { ...this.#readings, learned: undefined };
      this.#hooks.changed();
      return true;
    }
    if (id === undefined || id === known?.id) return false;
    const learned: NamedId = { id, name: '' };
    this.#readings = { ...this.#readings, learned };
    log.info(`the server showed that this sign-in is ID ${id}`);
    const hash = this.#tokenHash;
    if (hash)
      this.#deps.learned
        .set(hash, learned)
        .catch((error: unknown) => log.warn('could not save what was learned', error));
    this.#hooks.changed();
    return true;
  }
}

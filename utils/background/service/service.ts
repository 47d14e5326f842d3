import { emptyHistory, type CallHistory } from '../../core/calls/history';
import { CallInbox } from '../calls/inbox';
import { Emitter } from '../../core/emitter';
import type { ConnectionStatus, ListProblem } from '../../core/messages/connection-status';
import { IdentityTracker, type IdentitySnapshot } from '../identity/identity-tracker';
import type { Me } from '../../core/identity/me';
import type { PageReading } from '../../core/identity/page-reading';
import type { IdentityStatus } from '../../core/identity/status';
import { createLogger } from '../../core/log';
import type { CallFrame, InboundMessage } from '../../core/protocol/messages';
import {
  cleanText,
  isSitePage,
  MAX_CONTEXT_TITLE,
  onSites,
  outgoingContext,
  pageUrl,
} from '../../core/calls/call-context';
import type { UserId, WireIdType } from '../../core/protocol/schemas';
import { Directory, type DirectoryEntries, type DirectoryState } from '../../core/presence/directory';
import { PresenceStore, type PresenceSnapshot } from '../../core/presence/store';
import { requiredOrigins } from '../../core/settings/origins';
import { matchesAny } from '../../core/sites/match-pattern';
import { siteMatches } from '../../core/sites/site-scope';
import type { Settings } from '../../core/settings/schema';
import type { RosterDeps } from './deps';
import { routeInbound } from './inbound';
import { callFrame, refuseCall, toOutgoingCall } from './outgoing';
import { pageConfig, type PageConfig } from '../../core/messages/page-config';
import { withListProblem } from './list-problem';
import { startRun, type Run } from './run';
import type { CallAbout, CallPage, RosterEvent, RosterState, SendCallResult } from '../../core/messages/roster-state';

const log = createLogger('roster');

/** What survives a service-worker restart (`storage.session`): no token, ever. */
export interface RosterMirror {
  readonly connection: ConnectionStatus;
  readonly presence: PresenceSnapshot;
  readonly names: DirectoryState;
  readonly me: Me | null;
  /** Who I am per source, for the token (by hash) it was found for. */
  readonly identity?: IdentitySnapshot;
}

/**
 * The background's single source of truth: one connection, the presence it reports, the names we
 * know, and the calls. Views subscribe to its events; nothing else writes this state.
 */
export class RosterService {
  readonly #deps: RosterDeps;
  readonly #events = new Emitter<RosterEvent>((error) => log.error('a subscriber failed', error));
  readonly #presence: PresenceStore;
  readonly #directory: Directory;
  #connection: ConnectionStatus;
  /** The server's last online list was dropped; shown on `#connection` until a usable one arrives. */
  #listProblem: ListProblem | undefined;
  #me: Me | null;
  readonly #identity: IdentityTracker;
  #identityStatus: IdentityStatus;
  /** A sign-in token is present (we may be unknown, but we are signed in). */
  #signedIn = false;
  /** How the server writes ids, once a frame showed it. */
  #serverIdType: WireIdType | undefined;
  readonly #inbox: CallInbox;
  #doNotDisturb: boolean;
  #run: (Run & { readonly controller: AbortController }) | undefined;
  #runKey = '';
  #settings: Settings | undefined;
  /** Counts reconciles, so a slow permission check cannot start an outdated run. */
  #reconciles = 0;
  #wanted = true;
  #away = false;
  #setup: RosterState['setup'] = { siteUrl: '', missingOrigins: [] };
  #page: PageConfig;

  constructor(deps: RosterDeps, settings: Settings, restored?: RosterMirror, history: CallHistory = emptyHistory) {
    this.#deps = deps;
    this.#doNotDisturb = settings.notifications.doNotDisturb;
    this.#page = pageConfig(settings);
    this.#inbox = new CallInbox(history, settings.notifications, {
      ...deps,
      save: deps.saveCalls,
      effects: deps.callEffects,
      emit: (event) => this.#events.emit(event),
      onSaveError: (error) => log.error('could not save the call log', error),
    });
    this.#presence = new PresenceStore(restored?.presence);
    this.#directory = new Directory(restored?.names);
    this.#identity = new IdentityTracker(
      deps,
      settings.identity,
      settings.auth.cookieUrl,
      { changed: () => this.#identityChanged(), askPages: () => this.#events.emit({ type: 'readPageIdentity' }) },
      restored?.identity,
    );
    this.#me = restored?.me ?? null;
    this.#identityStatus = this.#identity.status();
    const since = deps.clock.now();
    // A restored "connected" is no longer true: the new worker has no socket yet.
    this.#connection = restored
      ? { phase: 'connecting', since, attempt: 0 }
      : { phase: 'disconnected', reason: 'stopped', since, attempt: 0 };
  }

  state(): RosterState {
    return {
      connection: this.#connection,
      presence: this.#presence.snapshot(),
      names: this.#directory.entries(),
      me: this.#me,
      identity: this.#identityStatus,
      calls: { records: this.#inbox.history.records, unseen: this.#inbox.history.unseen },
      doNotDisturb: this.#doNotDisturb,
      setup: this.#setup,
      away: this.#away,
      page: this.#page,
    };
  }

  mirror(): RosterMirror {
    const identity = this.#identity.snapshot();
    return {
      connection: this.#connection,
      presence: this.#presence.snapshot(),
      names: this.#directory.state(),
      me: this.#me,
      ...(identity ? { identity } : {}),
    };
  }

  subscribe(listener: (event: RosterEvent) => void, signal: AbortSignal): void {
    this.#events.subscribe(listener, signal);
  }

  /** Applies settings; the connection restarts only when something it depends on changed. */
  configure(settings: Settings): void {
    this.#inbox.configure(settings.notifications);
    this.#applyDoNotDisturb(settings.notifications.doNotDisturb);
    this.#identity.configure(settings.identity, settings.auth.cookieUrl);
    const page = pageConfig(settings);
    if (JSON.stringify(page) !== JSON.stringify(this.#page)) {
      this.#page = page;
      this.#events.emit({ type: 'page', page });
    }
    const key = JSON.stringify([
      settings.serverUrl,
      settings.auth,
      settings.identity,
      settings.connection,
      settings.directory,
    ]);
    // Kept whatever changed: the sites and call settings are read on every call, not only by a run.
    const previous = this.#settings;
    this.#settings = settings;
    if (key === this.#runKey) return;
    this.#runKey = key;
    // Another server is another system: its online list is not this one's.
    if (previous && previous.serverUrl !== settings.serverUrl) this.#applyOnline([]);
    this.#reconcile();
  }

  /** Host permissions were granted or revoked: check again, and connect or disconnect. */
  permissionsChanged(): void {
    this.#reconcile();
  }

  /** Whether I should be online at all (presence mode "only while an admin page is open"). */
  setOnlineWanted(wanted: boolean): void {
    if (wanted === this.#wanted) return;
    this.#wanted = wanted;
    this.#reconcile();
  }

  /** Idle for the "away" time (shown in Roster only: the legacy server has no such state). */
  setAway(away: boolean): void {
    if (away === this.#away) return;
    this.#away = away;
    this.#events.emit({ type: 'away', on: away });
  }

  stop(): void {
    ++this.#reconciles;
    this.#stopRun();
    this.#identity.stop();
    this.#runKey = '';
  }

  /**
   * Rings `to`, about a host page and with a note when given. The page goes only when the settings
   * allow it and it is a configured site's page (whoever asks: a content script's is its own frame).
   */
  sendCall(to: UserId, about: CallAbout = {}): SendCallResult {
    const run = this.#run;
    const refusal = refuseCall(this.#signedIn && run !== undefined, this.#me, to, (id) => this.#presence.isOnline(id));
    if (refusal || !this.#me || !run) return { ok: false, refusal: refusal ?? 'not-signed-in' };
    const settings = this.#settings;
    const idType = settings?.connection.idType ?? 'auto';
    const page = settings?.calls.pageContext ? about.page : undefined;
    const context = outgoingContext(
      { ...(page ? { page } : {}), ...(about.note ? { note: about.note } : {}) },
      settings ? siteMatches(settings) : [],
    );
    const target = { to, ...(context ? { context } : {}) };
    const frame = callFrame(
      this.#me,
      target,
      (id) => this.#directory.name(id),
      idType === 'auto' ? (this.#serverIdType ?? 'string') : idType,
    );
    this.#identity.sent(to);
    return { ok: true, call: toOutgoingCall(run.outbox.enqueue(frame, target)) };
  }

  /** The page a call made now would be about: the given tab's, when it is a configured site's and context is on. */
  pageForCalls(tab: { readonly url?: string; readonly title?: string } | undefined): CallPage | null {
    const settings = this.#settings;
    const url = pageUrl(tab?.url);
    if (!settings?.calls.pageContext || url === undefined || !isSitePage(url, siteMatches(settings))) return null;
    return { url, title: cleanText(tab?.title, MAX_CONTEXT_TITLE) ?? url };
  }

  /** The configured site's page a call was about, to open; `undefined` for none (or one no longer configured). */
  callPage(id: string): string | undefined {
    const settings = this.#settings;
    const call = this.#inbox.history.records.find((record) => record.id === id);
    const url = call?.context?.url;
    return settings && url !== undefined && isSitePage(url, siteMatches(settings)) ? url : undefined;
  }

  /**
   * A host page's own record of its signed-in user. Believed only from pages of the configured
   * sites (a content script left in a tab that navigated elsewhere has no say).
   */
  reportPageIdentity(reading: PageReading, fromUrl: string): void {
    const settings = this.#settings;
    if (!settings || !matchesAny(siteMatches(settings), fromUrl)) {
      log.warn('ignored an identity from a page outside the configured sites');
      return;
    }
    this.#identity.page(reading);
  }

  /** Rings back whoever made call `id`, and counts the call as answered. */
  callBack(id: string, about: CallAbout = {}): SendCallResult {
    const call = this.#inbox.history.records.find((record) => record.kind === 'incoming' && record.id === id);
    if (!call) return { ok: false, refusal: 'unknown-call' };
    const result = this.sendCall(call.peerId, about);
    if (result.ok) this.#inbox.acknowledge(id, 'answered');
    return result;
  }

  dismissCall(id: string): void {
    this.#inbox.acknowledge(id, 'dismissed');
  }

  markCallsSeen(): void {
    this.#inbox.markAllSeen();
  }

  /** Saved as a setting; the change comes back through `configure`. */
  async setDoNotDisturb(on: boolean): Promise<void> {
    await this.#deps.saveDoNotDisturb(on);
    // The saved settings come back a moment later; a call arriving in between must already obey the switch.
    this.#applyDoNotDisturb(on);
  }

  #applyDoNotDisturb(on: boolean): void {
    this.#inbox.setDoNotDisturb(on);
    if (this.#doNotDisturb === on) return;
    this.#doNotDisturb = on;
    this.#events.emit({ type: 'doNotDisturb', on });
  }

  /** Resolves when every call taken so far is saved and alerted. */
  callsSettled(): Promise<void> {
    return this.#inbox.settled();
  }

  retryNow(): void {
    this.#run?.connection.retryNow();
  }

  /** Names read from host tables; never overrides the host's own user list. */
  learnNames(entries: Iterable<readonly [UserId, string]>): void {
    this.#publishNames(this.#directory.learn('page', entries));
  }

  /** Starts over from the current settings, wish and permissions: the one place a run begins. */
  #reconcile(): void {
    const settings = this.#settings;
    if (!settings) return;
    this.#stopRun();
    const attempt = ++this.#reconciles;
    if (!this.#wanted) {
      this.#setConnection({ phase: 'disconnected', reason: 'no-host-tab', since: this.#deps.clock.now(), attempt: 0 });
      return;
    }
    void this.#deps.missingOrigins(requiredOrigins(settings)).then((missing) => {
      // Something changed again while we asked: that newer reconcile wins.
      if (attempt !== this.#reconciles) return;
      this.#setSetup({ siteUrl: settings.auth.cookieUrl, missingOrigins: missing });
      if (missing.length > 0) {
        this.#setConnection({
          phase: 'disconnected',
          reason: 'no-permission',
          since: this.#deps.clock.now(),
          attempt: 0,
        });
        return;
      }
      this.#startRun(settings);
    });
  }

  #startRun(settings: Settings): void {
    const controller = new AbortController();
    const run = startRun(
      settings,
      this.#deps,
      {
        status: (status) => this.#setConnection(status),
        message: (message) => this.#handle(message),
        token: (token) => {
          this.#signedIn = token !== undefined;
          this.#identity.token(token);
        },
        // Signed out: forget who is online.
        signedOut: () => this.#applyOnline([]),
        outgoing: (call) => this.#inbox.recordOutgoing(call),
        directory: (list) => this.#publishNames(this.#directory.replace('directory', list.entries)),
        listDropped: (problem) => this.#setListProblem(problem),
      },
      controller.signal,
    );
    this.#run = { ...run, controller };
  }

  #stopRun(): void {
    this.#run?.controller.abort();
    this.#run = undefined;
    // The next run reads a new list, maybe with a new size limit.
    this.#listProblem = undefined;
  }

  #handle(message: InboundMessage): void {
    routeInbound(message, {
      classify: (call) => this.#identity.classify(call).kind,
      online: (ids, named, complete) => {
        this.#publishNames(this.#directory.learn('server', named));
        this.#applyOnline(ids);
        // After the list itself, so a view that repaints on this sees the new list, not the stale one.
        this.#setListProblem(undefined);
        this.#identity.onlineList(this.#presence.onlineIds(), complete);
      },
      idType: (type) => {
        if (type !== this.#serverIdType) log.info(`the server writes ids as ${type}s`);
        this.#serverIdType = type;
      },
      incomingCall: (call) => this.#inbox.receive(this.#onSites(call), (id) => this.#directory.name(id)),
      debug: (text) => log.debug(text),
    });
  }

  /** A call's address is kept only when it is a page of the configured sites: a call is never a link elsewhere. */
  #onSites(call: CallFrame): CallFrame {
    if (!call.context) return call;
    return { ...call, context: onSites(call.context, this.#settings ? siteMatches(this.#settings) : []) };
  }

  #setConnection(status: ConnectionStatus): void {
    this.#connection = withListProblem(status, this.#listProblem);
    this.#events.emit({ type: 'connection', status: this.#connection });
  }

  /** A dropped online list is a connection problem every view shows, until a usable list arrives. */
  #setListProblem(problem: ListProblem | undefined): void {
    if (problem === undefined && this.#listProblem === undefined) return;
    this.#listProblem = problem;
    this.#setConnection(this.#connection);
  }

  #setSetup(setup: RosterState['setup']): void {
    if (JSON.stringify(setup) === JSON.stringify(this.#setup)) return;
    this.#setup = setup;
    this.#events.emit({ type: 'setup', setup });
  }

  #applyOnline(ids: readonly UserId[]): void {
    const change = this.#presence.apply(ids, this.#deps.clock.now());
    if (change) this.#events.emit({ type: 'presence', change });
  }

  #publishNames(names: DirectoryEntries): void {
    if (Object.keys(names).length > 0) this.#events.emit({ type: 'names', names });
  }

  #identityChanged(): void {
    const me = this.#identity.me() ?? null;
    if (JSON.stringify(me) !== JSON.stringify(this.#me)) {
      this.#me = me;
      this.#events.emit({ type: 'me', me });
    }
    const status = this.#identity.status();
    if (JSON.stringify(status) !== JSON.stringify(this.#identityStatus)) {
      this.#identityStatus = status;
      this.#events.emit({ type: 'identity', identity: status });
    }
  }
}

import { emptyHistory, type CallHistory } from '../calls/history';
import { CallInbox } from '../calls/inbox';
import { Emitter } from '../emitter';
import type { ConnectionStatus } from '../connection/types';
import { resolveMe, type Me } from '../identity/me';
import { createLogger } from '../log';
import type { InboundMessage } from '../protocol/messages';
import type { UserId } from '../protocol/schemas';
import { Directory, type DirectoryEntries, type DirectoryState } from '../presence/directory';
import { PresenceStore, type PresenceSnapshot } from '../presence/store';
import { requiredOrigins } from '../settings/origins';
import type { Settings } from '../settings/schema';
import type { RosterDeps } from './deps';
import { routeInbound } from './inbound';
import { callFrame, refuseCall, toOutgoingCall } from './outgoing';
import { startRun, type Run } from './run';
import type { RosterEvent, RosterState, SendCallResult } from './state';

const log = createLogger('roster');

/** What survives a service-worker restart (`storage.session`): no token, ever. */
export interface RosterMirror {
  readonly connection: ConnectionStatus;
  readonly presence: PresenceSnapshot;
  readonly names: DirectoryState;
  readonly me: Me | null;
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
  #me: Me | null;
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
  /** Call ids stay unique across runs, so the popup never mixes two calls up. */
  #callIds = 0;

  constructor(deps: RosterDeps, settings: Settings, restored?: RosterMirror, history: CallHistory = emptyHistory) {
    this.#deps = deps;
    this.#doNotDisturb = settings.notifications.doNotDisturb;
    this.#inbox = new CallInbox(history, settings.notifications, {
      ...deps,
      save: deps.saveCalls,
      effects: deps.callEffects,
      emit: (event) => this.#events.emit(event),
      onSaveError: (error) => log.error('could not save the call log', error),
    });
    this.#presence = new PresenceStore(restored?.presence);
    this.#directory = new Directory(restored?.names);
    this.#me = restored?.me ?? null;
    const since = deps.clock.now();
    // A restored "connected" is no longer true: the new worker has no socket yet.
    this.#connection = restored ? { phase: 'connecting', since, attempt: 0 } : { phase: 'disconnected', reason: 'stopped', since, attempt: 0 };
  }

  state(): RosterState {
    return {
      connection: this.#connection,
      presence: this.#presence.snapshot(),
      names: this.#directory.entries(),
      me: this.#me,
      calls: { records: this.#inbox.history.records, unseen: this.#inbox.history.unseen },
      doNotDisturb: this.#doNotDisturb,
      setup: this.#setup,
      away: this.#away,
    };
  }

  mirror(): RosterMirror {
    return { connection: this.#connection, presence: this.#presence.snapshot(), names: this.#directory.state(), me: this.#me };
  }

  subscribe(listener: (event: RosterEvent) => void, signal: AbortSignal): void {
    this.#events.subscribe(listener, signal);
  }

  /** Applies settings; the connection restarts only when something it depends on changed. */
  configure(settings: Settings): void {
    this.#inbox.configure(settings.notifications);
    this.#applyDoNotDisturb(settings.notifications.doNotDisturb);
    const key = JSON.stringify([settings.serverUrl, settings.auth, settings.identity, settings.connection, settings.directory]);
    if (key === this.#runKey) return;
    this.#runKey = key;
    // Another server is another system: its online list is not this one's.
    if (this.#settings && this.#settings.serverUrl !== settings.serverUrl) this.#applyOnline([]);
    this.#settings = settings;
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
    this.#runKey = '';
  }

  sendCall(to: UserId): SendCallResult {
    const run = this.#run;
    const refusal = refuseCall(this.#me, to, (id) => this.#presence.isOnline(id));
    if (refusal || !this.#me || !run) return { ok: false, refusal: refusal ?? 'not-signed-in' };
    const frame = callFrame(this.#me, to, (id) => this.#directory.name(id));
    return { ok: true, call: toOutgoingCall(run.outbox.enqueue(frame, { to })) };
  }

  /** Rings back whoever made call `id`, and counts the call as answered. */
  callBack(id: string): SendCallResult {
    const call = this.#inbox.history.records.find((record) => record.kind === 'incoming' && record.id === id);
    if (!call) return { ok: false, refusal: 'unknown-call' };
    const result = this.sendCall(call.peerId);
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
        this.#setConnection({ phase: 'disconnected', reason: 'no-permission', since: this.#deps.clock.now(), attempt: 0 });
        return;
      }
      this.#startRun(settings);
    });
  }

  #startRun(settings: Settings): void {
    const controller = new AbortController();
    const run = startRun(settings, this.#deps, {
      status: (status) => this.#setConnection(status),
      message: (message) => this.#handle(message),
      token: (token) => this.#setMe(resolveMe(token, settings.identity) ?? null),
      // Signed out: forget who is online.
      signedOut: () => this.#applyOnline([]),
      outgoing: (call) => this.#inbox.recordOutgoing(call),
      directory: (list) => this.#publishNames(this.#directory.replace('directory', list.entries)),
      nextCallId: () => String(++this.#callIds),
    }, controller.signal);
    this.#run = { ...run, controller };
  }

  #stopRun(): void {
    this.#run?.controller.abort();
    this.#run = undefined;
  }

  #handle(message: InboundMessage): void {
    routeInbound(message, {
      me: () => this.#me?.id,
      online: (ids, named) => {
        this.#publishNames(this.#directory.learn('server', named));
        this.#applyOnline(ids);
      },
      incomingCall: (call) => this.#inbox.receive(call, (id) => this.#directory.name(id)),
      debug: (text) => log.debug(text),
    });
  }

  #setConnection(status: ConnectionStatus): void {
    this.#connection = status;
    this.#events.emit({ type: 'connection', status });
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

  #setMe(me: Me | null): void {
    if (JSON.stringify(me) === JSON.stringify(this.#me)) return;
    this.#me = me;
    this.#events.emit({ type: 'me', me });
  }
}

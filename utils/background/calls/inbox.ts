import type { Clock, TimerHandle, Timers } from '../../core/timers';
import type { CallEvent } from '../../core/messages/roster-state';
import type { CallFrame } from '../../core/protocol/messages';
import type { UserId } from '../../core/protocol/schemas';
import type { NotificationSettings } from '../../core/settings/schema';
import { clampDelay } from '../../core/timers';
import { FloodGate } from '../../core/calls/flood-gate';
import {
  addIncoming,
  expireRinging,
  failUnsent,
  findIncoming,
  markAllSeen,
  trim,
  upsert,
  wasDelivered,
  type CallHistory,
} from '../../core/calls/history';
import { ringingCall, type IncomingCall, type OutgoingCall } from '../../core/calls/records';
import { replayKey } from '../../core/calls/replays';

export const ALERT_WINDOW_MS = 10_000;

/** The browser-facing side effects, injected: notifications, the ring, the badge. */
export interface CallEffects {
  notify(call: IncomingCall, keepUntilDismissed: boolean): void;
  closeNotification(id: string): void;
  ring(volume: number): void;
  setBadge(unseen: number): void;
}

export interface InboxDeps {
  readonly clock: Clock;
  readonly timers: Timers;
  /** A new unique record id (`crypto.randomUUID()`; tests pass a counter). */
  readonly newCallId: () => string;
  readonly save: (history: CallHistory) => Promise<void>;
  readonly effects: CallEffects;
  readonly emit: (event: CallEvent) => void;
  /** The active tab if it shows a host page (toasts go there only). */
  readonly activeHostTab: () => Promise<number | null>;
  /** A failed save still alerts: better a call shown twice after a crash than one never shown. */
  readonly onSaveError: (error: unknown) => void;
}

/**
 * Incoming calls, exactly once each: a replay (the same sender and SendTime soon after, see
 * `replays.ts`) is dropped, also across worker restarts, because the history with its delivered
 * keys is saved before anything is shown. Records them, counts them on the badge, and alerts the
 * user unless Do Not Disturb is on. Their timing is the local clock's, never the server's.
 */
export class CallInbox {
  #history: CallHistory;
  #settings: NotificationSettings;
  readonly #gate = new FloodGate(ALERT_WINDOW_MS);
  /** New calls taken since the last save: their alerts (and host-page events) wait until the save has landed. */
  #pending: IncomingCall[] = [];
  /** Changed since the last save started. */
  #dirty = false;
  #flushing: Promise<void> | undefined;
  #expiry: TimerHandle | undefined;
  readonly #deps: InboxDeps;

  constructor(history: CallHistory, settings: NotificationSettings, deps: InboxDeps) {
    this.#deps = deps;
    this.#settings = settings;
    this.#history = trim(history, settings.historyLimit);
    this.#failUnsent();
    this.#expire();
    deps.effects.setBadge(this.#history.unseen);
  }

  get history(): CallHistory {
    return this.#history;
  }

  configure(settings: NotificationSettings): void {
    this.#settings = settings;
    this.#history = trim(this.#history, settings.historyLimit);
    this.#expire();
  }

  setDoNotDisturb(on: boolean): void {
    this.#settings = { ...this.#settings, doNotDisturb: on };
  }

  /** A call frame addressed to me (the caller made sure it is not my own echo). */
  receive(frame: CallFrame, nameOf: (id: UserId) => string | undefined): void {
    const now = this.#deps.clock.now();
    // Without a SendTime a replay cannot be recognised: every such call is a new one.
    const key = replayKey(frame.senderId, frame.sendTimeText);
    if (key !== undefined && wasDelivered(this.#history, key, now)) return;
    const quiet = this.#settings.doNotDisturb;
    const call: IncomingCall = {
      kind: 'incoming',
      id: this.#deps.newCallId(),
      peerId: frame.senderId,
      peerName: frame.senderName || nameOf(frame.senderId) || frame.senderId,
      // Received now: a server clock that is slow, fast or wrong must not make it missed on arrival.
      at: now,
      // Silenced calls are recorded as what they are to the user: missed.
      status: quiet ? 'missed' : 'ringing',
      seen: false,
      ...(frame.context ? { context: frame.context } : {}),
    };
    this.#history = addIncoming(this.#history, call, this.#settings.historyLimit, key);
    this.#deps.emit({ type: 'callRecord', record: call });
    this.#publishUnseen();
    this.#pending.push(call);
    this.#scheduleFlush();
    this.#expire();
  }

  recordOutgoing(call: OutgoingCall): void {
    this.#history = upsert(this.#history, call, this.#settings.historyLimit);
    this.#deps.emit({ type: 'callRecord', record: call });
    this.#scheduleFlush();
  }

  /** The user answered (called back) or dismissed a call, from any surface. */
  acknowledge(id: string, how: 'answered' | 'dismissed'): IncomingCall | undefined {
    const call = findIncoming(this.#history, id);
    if (!call) return undefined;
    this.#deps.effects.closeNotification(id);
    this.#deps.emit({ type: 'callClosed', id });
    if (call.status !== 'ringing') return call;
    const updated: IncomingCall = { ...call, status: how };
    this.#history = upsert(this.#history, updated, this.#settings.historyLimit);
    this.#deps.emit({ type: 'callRecord', record: updated });
    this.#scheduleFlush();
    this.#expire();
    return updated;
  }

  markAllSeen(): void {
    const next = markAllSeen(this.#history);
    if (next === this.#history) return;
    this.#history = next;
    for (const record of next.records) if (record.kind === 'incoming') this.#deps.emit({ type: 'callRecord', record });
    this.#publishUnseen();
    this.#scheduleFlush();
  }

  /** Resolves once everything taken so far is saved and alerted (tests, shutdown). */
  settled(): Promise<void> {
    return this.#flushing ?? Promise.resolve();
  }

  #publishUnseen(): void {
    this.#deps.emit({ type: 'unseen', count: this.#history.unseen });
    this.#deps.effects.setBadge(this.#history.unseen);
  }

  #scheduleFlush(): void {
    this.#dirty = true;
    this.#flushing ??= this.#flush();
  }

  /** Everything taken while a save runs waits for the next one: a flood costs a few saves, not one each. */
  async #flush(): Promise<void> {
    // Let a burst of frames handled in the same task join the first save.
    await Promise.resolve();
    try {
      while (this.#dirty) {
        this.#dirty = false;
        const alerts = this.#pending;
        this.#pending = [];
        await this.#deps.save(this.#history).catch((error: unknown) => this.#deps.onSaveError(error));
        if (alerts.length > 0) await this.#alert(alerts);
      }
    } finally {
      this.#flushing = undefined;
    }
  }

  async #alert(calls: readonly IncomingCall[]): Promise<void> {
    const now = this.#deps.clock.now();
    const quiet = this.#settings.doNotDisturb;
    const toastTabId = quiet ? null : await this.#deps.activeHostTab().catch(() => null);
    let rang = false;
    for (const call of calls) {
      const admitted = this.#gate.admit(call.peerId, now);
      if (admitted && !quiet && this.#settings.system)
        this.#deps.effects.notify(call, this.#settings.keepUntilDismissed);
      if (admitted && !quiet && this.#settings.sound && !rang) {
        rang = true;
        this.#deps.effects.ring(this.#settings.volume);
      }
      // Host pages still hear of the call under Do Not Disturb: that is their app refreshing, not an alert.
      this.#deps.emit({ type: 'ring', call: ringingCall(call), toastTabId, announce: admitted });
    }
  }

  /** Calls still queued in a restored log lost their queue with the old worker: they failed. */
  #failUnsent(): void {
    const { history, failed } = failUnsent(this.#history, this.#deps.clock.now());
    if (failed.length === 0) return;
    this.#history = history;
    for (const record of failed) this.#deps.emit({ type: 'callRecord', record });
    this.#scheduleFlush();
  }

  /**
   * Ringing calls past the ring timeout become missed; the next one to lapse sets the timer. The
   * delay is clamped: a restored record dated far ahead would otherwise overflow it and fire at
   * once, again and again. Clamped, it fires early at worst, finds nothing lapsed and re-arms.
   */
  #expire(): void {
    const now = this.#deps.clock.now();
    const timeoutMs = this.#settings.ringTimeoutSeconds * 1000;
    const { history, missed } = expireRinging(this.#history, now, timeoutMs);
    if (missed.length > 0) {
      this.#history = history;
      for (const record of missed) this.#deps.emit({ type: 'callRecord', record });
      this.#scheduleFlush();
    }
    if (this.#expiry !== undefined) this.#deps.timers.clearTimeout(this.#expiry);
    this.#expiry = undefined;
    const next = Math.min(
      ...history.records.map((record) =>
        record.kind === 'incoming' && record.status === 'ringing' ? record.at + timeoutMs : Infinity,
      ),
    );
    if (Number.isFinite(next))
      this.#expiry = this.#deps.timers.setTimeout(() => this.#expire(), clampDelay(next - now));
  }
}

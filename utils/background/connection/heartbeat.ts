import type { Clock, TimerHandle, Timers } from '../../core/timers';

export interface HeartbeatDeps {
  readonly timers: Timers;
  readonly clock: Clock;
  /** Hands the payload to this heartbeat's own socket. */
  readonly send: (payload: string) => void;
  /** The link is dead. Called at most once; the heartbeat has stopped by then. */
  readonly onDead: () => void;
}

/** Heartbeats in a row that must each be answered before silence can mean death. */
const ANSWERS_TO_TRUST = 2;
/** How soon after a heartbeat a frame must come to count as its answer. */
const ANSWER_WINDOW_MS = 5_000;

/**
 * One socket's keep-alive; it dies with that socket. Sending matters twice over: frames must flow
 * well under 30 s to keep an MV3 service worker alive, and they give the server something to
 * answer. Silence counts as death only once the server has shown that it answers (a frame soon
 * after each of two heartbeats in a row), because a legacy server may never reply to
 * `heart check`, and a presence update that happens to follow one heartbeat is not a reply.
 */
export class Heartbeat {
  #tickTimer: TimerHandle | undefined;
  #deadTimer: TimerHandle | undefined;
  #lastFrameAt: number;
  /** When the heartbeat still waiting for its answer went out. */
  #awaitingSince: number | undefined;
  #answersInARow = 0;
  #answered = false;
  #stopped = false;
  readonly #intervalMs: number;
  readonly #payload: string;
  readonly #deps: HeartbeatDeps;

  constructor(intervalMs: number, payload: string, deps: HeartbeatDeps) {
    this.#intervalMs = intervalMs;
    this.#payload = payload;
    this.#deps = deps;
    this.#lastFrameAt = deps.clock.now();
    // A non-positive interval would spin on zero-delay timers: treat it as "heartbeat off".
    if (intervalMs > 0) this.#scheduleTick();
  }

  frameReceived(): void {
    if (this.#stopped) return;
    const now = this.#deps.clock.now();
    this.#lastFrameAt = now;
    if (this.#answered || this.#awaitingSince === undefined) return;
    if (now - this.#awaitingSince > Math.min(ANSWER_WINDOW_MS, this.#intervalMs / 2)) return;
    this.#awaitingSince = undefined;
    if (++this.#answersInARow < ANSWERS_TO_TRUST) return;
    this.#answered = true;
    this.#armDeadTimer(this.#silenceLimit);
  }

  stop(): void {
    this.#stopped = true;
    if (this.#tickTimer !== undefined) this.#deps.timers.clearTimeout(this.#tickTimer);
    if (this.#deadTimer !== undefined) this.#deps.timers.clearTimeout(this.#deadTimer);
    this.#tickTimer = undefined;
    this.#deadTimer = undefined;
  }

  get #silenceLimit(): number {
    return 2 * this.#intervalMs;
  }

  #scheduleTick(): void {
    this.#tickTimer = this.#deps.timers.setTimeout(() => {
      this.#tickTimer = undefined;
      // The last heartbeat went unanswered: the run of answers starts over.
      if (this.#awaitingSince !== undefined) this.#answersInARow = 0;
      this.#awaitingSince = this.#deps.clock.now();
      this.#deps.send(this.#payload);
      if (!this.#stopped) this.#scheduleTick();
    }, this.#intervalMs);
  }

  // Re-armed lazily when it fires rather than on every frame: busy links cost no timer churn.
  #armDeadTimer(ms: number): void {
    this.#deadTimer = this.#deps.timers.setTimeout(() => {
      this.#deadTimer = undefined;
      const silentFor = this.#deps.clock.now() - this.#lastFrameAt;
      if (silentFor < this.#silenceLimit) {
        this.#armDeadTimer(this.#silenceLimit - silentFor);
        return;
      }
      this.stop();
      this.#deps.onDead();
    }, ms);
  }
}

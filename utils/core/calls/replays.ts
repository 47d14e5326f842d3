import type { UserId } from '../protocol/schemas';

/**
 * Recognising a call the server delivers again. A replay (the server resending after a reconnect,
 * or to a worker that was stopped and started) carries the same Sender and SendTime and comes
 * soon after the first delivery; a server that stamps badly (a constant SendTime, or one that
 * repeats) also sends genuinely new calls with a key seen before, but later.
 *
 * The rule: the same sender and SendTime within REPLAY_WINDOW_MS of the first arrival is a
 * replay. Two minutes covers the slow ways back: a stopped worker is woken by the one-minute
 * keep-alive alarm and reconnects within seconds (backoff starts at 0.5 s), and a server replays
 * on the new socket at once. Beyond it, the call is new: losing a call is worse than showing a
 * late replay. Inside it, a constant-stamp server's second call from the same caller merges into
 * the first, which rang (or was missed) less than two minutes before and is in the log. The
 * window counts from the first arrival only, so replays cannot keep it open.
 */
export const REPLAY_WINDOW_MS = 2 * 60_000;

/** Keys remembered at most; a flood inside the window is what could reach it. */
export const MAX_DELIVERIES = 2_000;

/** A call taken: its replay key and when it first arrived (local clock). Stored with the history. */
export interface Delivery {
  readonly key: string;
  readonly at: number;
}

/**
 * Sender and SendTime; `undefined` without a SendTime, since nothing then marks a replay. A line
 * break joins them: a SendTime never holds one (`boundedSendTime`), so no two pairs share a key. Pure.
 */
export function replayKey(senderId: UserId, sendTimeText: string): string | undefined {
  return sendTimeText ? `${senderId}\n${sendTimeText}` : undefined;
}

/**
 * Whether `key` arriving `now` repeats a delivery. `Math.abs`: after the local clock was set back,
 * a delivery "in the future" blocks its key for the window, not until the clock catches up. Entries
 * of another shape (a history saved by an older version) match nothing. Pure.
 */
export function isReplay(deliveries: readonly Delivery[], key: string, now: number): boolean {
  return deliveries.some((delivery) => delivery.key === key && Math.abs(now - delivery.at) < REPLAY_WINDOW_MS);
}

/** `deliveries` with `key` taken `now`, keeping only what can still mark a replay. Pure. */
export function remember(deliveries: readonly Delivery[], key: string, now: number): readonly Delivery[] {
  const live = deliveries.filter((delivery) => delivery.key !== key && Math.abs(now - delivery.at) < REPLAY_WINDOW_MS);
  return [...live, { key, at: now }].slice(-MAX_DELIVERIES);
}

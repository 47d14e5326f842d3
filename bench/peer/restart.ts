/**
 * The server restarts (a deploy): every socket drops, the server is down for a moment, and while it
 * was down one colleague left and another came. Measured: from the new server listening until every
 * tab shows both, i.e. presence is right again. The recipe retries on a fixed 4 s timer; Roster
 * with its backoff (full jitter). A page that kept its old list would look right for one of the two
 * and wrong for the other, so "right" cannot happen by standing still.
 */
import type { OrgFeed } from './feed';
import type { PeerView } from './recipe-page';
import { epochNow, type Reference } from './reference';
import { arm, doneTimes, type HostTab } from './tabs';

const DOWN_MS = 1_000;
/**
 * Roster forgets its backoff once a connection has lived 10 s (`resetAfterMs`,
 * utils/background/connection/types.ts); restarts a few seconds apart would measure its third and
 * fourth retries, where a deploy meets a connection hours old. The recipe's timer has no memory.
 */
export const UPTIME_BEFORE_RESTART_MS = { recipe: 0, roster: 10_500 } as const;
const GIVE_UP_MS = 60_000;

export interface RestartSample {
  /** New server listening → every tab right (ms). */
  readonly fromUpMs: number;
  /** Old server stopped → every tab right (ms). */
  readonly fromStopMs: number;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`${what}: not within ${ms} ms`)), ms)),
  ]);
}

/** A user in the table in the given state: from the top for online ones, from the bottom for offline ones. */
function pick(feed: OrgFeed, rows: number, online: boolean, skip: number): string {
  for (let index = 0; index < rows - 1; index++) {
    const id = String(online ? 2 + index : rows - index);
    if (feed.isOnline(id) === online && skip-- === 0) return id;
  }
  throw new Error(`restart: no ${online ? 'online' : 'offline'} user in the table`);
}

export async function measureRestarts(options: {
  readonly reference: Reference;
  readonly feed: OrgFeed;
  readonly tabs: readonly HostTab[];
  readonly view: PeerView;
  readonly rows: number;
  readonly restarts: number;
}): Promise<RestartSample[]> {
  const { reference, feed, tabs, view, rows } = options;
  const samples: RestartSample[] = [];
  for (let restart = 0; restart < options.restarts; restart++) {
    const left = pick(feed, rows, true, restart);
    const came = pick(feed, rows, false, restart);
    const label = (tab: number) => `restart:${view}:${restart}:${tab}`;
    await pause(feed.lastConnectionAt + UPTIME_BEFORE_RESTART_MS[view] - epochNow());
    await arm(
      tabs,
      view,
      [
        { userId: left, online: false },
        { userId: came, online: true },
      ],
      label,
    );
    const pending = withTimeout(doneTimes(tabs), GIVE_UP_MS, `${view} after a restart`);
    const stoppedAt = epochNow();
    const upAt = await reference.restart(async () => {
      feed.set(left, false);
      feed.set(came, true);
      await pause(DOWN_MS);
    });
    const right = Math.max(...(await pending));
    samples.push({ fromUpMs: right - upAt, fromStopMs: right - stoppedAt });

    // Back as before, for the next sample.
    await arm(
      tabs,
      view,
      [
        { userId: left, online: true },
        { userId: came, online: false },
      ],
      (tab) => `${label(tab)}:back`,
    );
    const back = doneTimes(tabs);
    feed.set(left, true);
    feed.set(came, false);
    feed.push();
    await withTimeout(back, GIVE_UP_MS, `${view} back after a restart`);
  }
  return samples;
}

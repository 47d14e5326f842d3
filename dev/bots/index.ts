import type { RosterServer, UserRecord } from '../server/types';
import { runBot } from './bot';
import { seededRandom } from './random';

export { BOT_TIMING } from './bot';
export { seededRandom } from './random';
export { botUsers, HUMAN_COUNT, humanUsers } from './roles';

/** What bots need of the server: where it is, how to get a token, how it writes ids. */
export type BotServer = Pick<RosterServer, 'wsUrl' | 'idType' | 'tokenFor'>;

interface CommonBotOptions {
  /** Users the bots play. Nobody in this list is ever called by a bot. */
  readonly users: readonly UserRecord[];
  /** How many of `users` to run (the first ones). */
  readonly count: number;
  /** Seeds the bots: the same generator gives the same timings and choices. */
  readonly random?: () => number;
  /** Time runs this many times faster (tests use ~1000). */
  readonly speed?: number;
  readonly signal: AbortSignal;
  readonly log?: (line: string) => void;
}

export type BotOptions = CommonBotOptions &
  (
    | { readonly server: BotServer }
    /**
     * The older form: a bare URL, the users' fixed tokens and string ids, so it only works
     * against a `jwt`, `string` server. Prefer `server`.
     */
    | { readonly wsUrl: string; readonly server?: undefined }
  );

export interface BotFleet {
  /** Ids of the bots that are connected right now. */
  online(): string[];
  /** Resolves once `signal` aborted and every bot socket is closed. */
  readonly done: Promise<void>;
}

/** Simulated colleagues: real `ws` clients that come and go and now and then ring a human. */
export function startBots(options: BotOptions): BotFleet {
  const speed = options.speed ?? 1;
  if (!(speed > 0)) throw new Error(`startBots: speed must be > 0, got ${speed}`);
  const random = options.random ?? Math.random;
  const log = options.log ?? (() => {});
  const server = options.server ?? fixedTokens(options.wsUrl, options.users);
  const botIds = new Set(options.users.map((user) => user.id));
  const online = new Set<string>();
  const playing = options.users.slice(0, Math.max(0, options.count));
  if (playing.length < options.count) log(`bots: only ${playing.length} bot users for ${options.count} bots`);

  const runs = playing.map((user) =>
    runBot({
      user,
      wsUrl: server.wsUrl,
      tokenFor: (userId) => server.tokenFor(userId),
      idType: server.idType,
      // One draw per bot, in order, so each bot's own sequence is fixed by the seed.
      random: seededRandom(Math.floor(random() * 2 ** 32)),
      speed,
      signal: options.signal,
      isBot: (id) => botIds.has(id),
      log,
      onPresence: (isOnline) => (isOnline ? online.add(user.id) : online.delete(user.id)),
    }),
  );
  return { online: () => [...online], done: Promise.all(runs).then(() => undefined) };
}

function fixedTokens(wsUrl: string, users: readonly UserRecord[]): BotServer {
  return {
    wsUrl,
    idType: 'string',
    tokenFor(userId) {
      const user = users.find((candidate) => candidate.id === userId);
      if (!user) throw new Error(`no bot user with id ${JSON.stringify(userId)}`);
      return user.token;
    },
  };
}

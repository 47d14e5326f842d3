import { wsText } from '../ws-text';
import { WebSocket } from 'ws';
import { encodeCall } from '../../utils/core/protocol/encode';
import { parseFrame } from '../../utils/core/protocol/parse';
import { who } from '../server/logger';
import type { UserRecord, WireIdType } from '../server/types';
import { UNAUTHORIZED_CLOSE } from '../server/upgrade';
import { toUserId } from '../server/user-id';
import { between } from './random';
import { sleep } from './sleep';

/** A bot's rhythm at speed 1, in ms: long enough to watch dots come and go in the demo. */
export const BOT_TIMING = {
  firstConnectMax: 5_000,
  online: [30_000, 180_000],
  offline: [10_000, 60_000],
  callCheck: [15_000, 45_000],
  /** Per check: about one call a minute across six bots, when a human is online. */
  callProbability: 0.1,
} as const;

export interface BotConfig {
  readonly user: UserRecord;
  readonly wsUrl: string;
  /** Asks the server for a `USERTOKEN` (in opaque mode, a new session). */
  readonly tokenFor: (userId: string) => string;
  /** How the server writes ids: calls go out the same way (ids are compared as strings here). */
  readonly idType: WireIdType;
  /** This bot's own generator: its draws do not depend on how the other bots interleave. */
  readonly random: () => number;
  readonly speed: number;
  readonly signal: AbortSignal;
  readonly isBot: (userId: string) => boolean;
  readonly log: (line: string) => void;
  readonly onPresence: (online: boolean) => void;
}

/** Comes online, stays a while, sometimes calls a human, leaves, comes back; until aborted. */
export async function runBot(bot: BotConfig): Promise<void> {
  const { random, signal } = bot;
  await sleep(scaled(bot, between(random, 0, BOT_TIMING.firstConnectMax)), signal);
  // Kept across sessions like a browser keeps its cookie, so that opaque sessions do not pile
  // up on the server; asked for again only once the server refuses it.
  let token: string | undefined;
  while (!signal.aborted) {
    try {
      token ??= bot.tokenFor(bot.user.id);
      if ((await onlineSession(bot, token)) === 'refused') token = undefined;
    } catch (error) {
      // A bot must never take the demo down: log, stay away for a while, try again.
      bot.log(`bot ${who(bot.user)}: ${error instanceof Error ? error.message : String(error)}`);
    }
    await sleep(scaled(bot, between(random, ...BOT_TIMING.offline)), signal);
  }
}

/** One stay online, from connecting to closing; `refused` when the server said the token is bad. */
async function onlineSession(bot: BotConfig, token: string): Promise<'ended' | 'refused'> {
  const session = new AbortController();
  const stop = (): void => session.abort();
  bot.signal.addEventListener('abort', stop, { once: true });
  const socket = new WebSocket(`${bot.wsUrl}?token=${encodeURIComponent(token)}`);
  let onlineIds: readonly string[] = [];
  const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
  socket.on('message', (data, isBinary) => {
    const result = parseFrame(isBinary ? data : wsText(data));
    if (!result.ok) return;
    const { message } = result;
    if (message.kind === 'online') onlineIds = message.users.map((user) => user.id);
    if (message.kind === 'call' && message.call.receiverId === bot.user.id) {
      bot.log(`bot ${who(bot.user)} was called by ${message.call.senderId}`);
    }
  });
  socket.on('error', (error) => bot.log(`bot ${who(bot.user)}: ${error.message}`));
  socket.on('close', (code) => {
    if (code === UNAUTHORIZED_CLOSE) bot.log(`bot ${who(bot.user)}: token refused`);
    stop();
  });

  const opened = await new Promise<boolean>((resolve) => {
    socket.once('open', () => resolve(true));
    socket.once('close', () => resolve(false));
  });
  if (opened && !session.signal.aborted) {
    bot.onPresence(true);
    await stayOnline(bot, session.signal, socket, () => onlineIds);
    bot.onPresence(false);
  }
  bot.signal.removeEventListener('abort', stop);
  if (socket.readyState !== WebSocket.CLOSED) socket.close(1000);
  return (await closed) === UNAUTHORIZED_CLOSE ? 'refused' : 'ended';
}

async function stayOnline(
  bot: BotConfig,
  signal: AbortSignal,
  socket: WebSocket,
  onlineIds: () => readonly string[],
): Promise<void> {
  const { random } = bot;
  const stayMs = scaled(bot, between(random, ...BOT_TIMING.online));
  // Draw every number whether or not it is used, so that a seed gives the same sequence
  // whoever happens to be online.
  // A function, not the property: TypeScript would keep `aborted` narrowed across the awaits.
  const stopped = () => signal.aborted;
  for (let elapsed = 0; !stopped();) {
    const gap = scaled(bot, between(random, ...BOT_TIMING.callCheck));
    if (elapsed + gap >= stayMs) {
      await sleep(stayMs - elapsed, signal);
      return;
    }
    await sleep(gap, signal);
    elapsed += gap;
    const rollCall = random();
    const rollWho = random();
    if (stopped() || rollCall >= BOT_TIMING.callProbability) continue;
    const humans = onlineIds().filter((id) => !bot.isBot(id) && id !== bot.user.id);
    const target = humans[Math.floor(rollWho * humans.length)];
    if (target === undefined) continue;
    bot.log(`bot ${who(bot.user)} calls ${target}`);
    socket.send(
      encodeCall(
        { senderId: toUserId(bot.user.id), receiverId: toUserId(target), senderName: bot.user.name, receiverName: '' },
        bot.idType,
      ),
    );
  }
}

function scaled(bot: BotConfig, ms: number): number {
  return ms / bot.speed;
}

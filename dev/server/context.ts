import type { ServerEmitter } from './events';
import type { Hub } from './hub';
import type { Logger } from './logger';
import type { TokenStore } from './tokens';
import type { ReceivedFrame, WireIdType } from './types';
import type { UserTable } from './users';

/** What the socket handlers share; built once by startServer. */
export interface ServerContext {
  readonly users: UserTable;
  readonly tokens: TokenStore;
  /** How ids are written on the wire and in the APIs; `number` also refuses calls with string ids. */
  readonly idType: WireIdType;
  readonly hub: Hub;
  readonly events: ServerEmitter;
  readonly log: Logger;
  readonly heartbeatReply: boolean;
  readonly maxPayload: number;
  readonly received: ReceivedFrame[];
  /** Set by close(): sockets then go without telling anyone. */
  closing: boolean;
}

/** What the HTTP routes need of it. */
export type HttpContext = Pick<ServerContext, 'users' | 'tokens' | 'idType' | 'log'>;

/** Enough for assertions, bounded so a long demo run does not grow without end. */
export const MAX_RECEIVED = 10_000;

export function recordFrame(context: ServerContext, frame: ReceivedFrame): void {
  if (context.received.length >= MAX_RECEIVED) context.received.splice(0, context.received.length - MAX_RECEIVED + 1);
  context.received.push(frame);
}

import type { ServerEmitter } from './events';
import type { Hub } from './hub';
import type { Logger } from './logger';
import type { ReceivedFrame } from './types';
import type { UserTable } from './users';

/** What the socket handlers share; built once by startServer. */
export interface ServerContext {
  readonly users: UserTable;
  readonly hub: Hub;
  readonly events: ServerEmitter;
  readonly log: Logger;
  readonly heartbeatReply: boolean;
  readonly maxPayload: number;
  readonly received: ReceivedFrame[];
  /** Set by close(): sockets then go without telling anyone. */
  closing: boolean;
}

/** Enough for assertions, bounded so a long demo run does not grow without end. */
export const MAX_RECEIVED = 10_000;

export function recordFrame(context: ServerContext, frame: ReceivedFrame): void {
  if (context.received.length >= MAX_RECEIVED) context.received.splice(0, context.received.length - MAX_RECEIVED + 1);
  context.received.push(frame);
}

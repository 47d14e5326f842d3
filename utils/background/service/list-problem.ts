import type { ConnectionStatus, ListProblem } from '../../core/messages/connection-status';
import { utf8ByteLength } from '../../core/protocol/byte-length';
import type { ProtocolError } from '../../core/protocol/errors';

/**
 * Whether a dropped frame cost us the online list. Every frame over the size limit counts: only
 * an online list grows with the number of users (a call is a few hundred bytes), and a too-large
 * frame is refused before anyone reads its `Type`. A frame that says `Chat` but holds no list
 * counts too. Anything else (a broken call, an unknown type) leaves the list as it was. Pure.
 */
export function listProblemOf(
  frame: unknown,
  error: ProtocolError,
  limitBytes: number,
  now: number,
): ListProblem | undefined {
  if (error.code === 'too-large' && typeof frame === 'string')
    return { reason: 'too-large', bytes: utf8ByteLength(frame), limitBytes, at: now };
  if (error.code === 'invalid-frame' && error.frameType === 'Chat') return { reason: 'invalid', at: now };
  return undefined;
}

/** `status` carrying `problem`, or none. Pure. */
export function withListProblem(status: ConnectionStatus, problem: ListProblem | undefined): ConnectionStatus {
  const { listProblem: previous, ...rest } = status;
  if (problem) return { ...rest, listProblem: problem };
  return previous === undefined ? status : rest;
}

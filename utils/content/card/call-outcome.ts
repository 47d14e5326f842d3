import type { MessageKey } from '../../extension/i18n';
import type { CallRefusal, SendCallResult } from '../../core/messages/roster-state';

type OutgoingCall = Extract<SendCallResult, { ok: true }>['call'];

export type Tone = 'ok' | 'wait' | 'error';

export interface CallOutcome {
  readonly key: MessageKey;
  readonly tone: Tone;
}

const refused: Readonly<Partial<Record<CallRefusal, MessageKey>>> = {
  'callee-offline': 'cardCallOffline',
  'not-signed-in': 'cardCallSignIn',
  self: 'cardCallSelf',
};

const settled: Readonly<Record<OutgoingCall['status'], CallOutcome>> = {
  sent: { key: 'cardCallSent', tone: 'ok' },
  queued: { key: 'cardCallQueued', tone: 'wait' },
  failed: { key: 'cardCallFailed', tone: 'error' },
};

/** What the card says after Call: rung, queued until Roster reconnects, or why not. Pure. */
export function callOutcome(result: SendCallResult | undefined): CallOutcome {
  if (!result) return { key: 'cardCallUnreachable', tone: 'error' };
  if (!result.ok) return { key: refused[result.refusal] ?? 'cardCallFailed', tone: 'error' };
  return settled[result.call.status];
}

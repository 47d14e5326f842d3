import type { CallKind } from '../../core/identity/server-evidence';
import type { CallFrame, InboundMessage } from '../../core/protocol/messages';
import type { UserId, WireIdType } from '../../core/protocol/schemas';

/** Where each kind of frame from the server goes in the service. */
export interface InboundSink {
  /** For me, or an echo of my own call (from this browser or another session of mine). */
  readonly classify: (call: CallFrame) => CallKind;
  /** `complete`: no entry was unreadable. */
  readonly online: (ids: readonly UserId[], named: readonly (readonly [UserId, string])[], complete: boolean) => void;
  /** How the server writes ids, whenever a frame shows it. */
  readonly idType: (type: WireIdType) => void;
  readonly incomingCall: (call: CallFrame) => void;
  readonly debug: (text: string) => void;
}

export function routeInbound(message: InboundMessage, sink: InboundSink): void {
  switch (message.kind) {
    case 'online': {
      // One pass, with no throwaway array per user (as `flatMap` made): this runs for every join
      // and leave, over everyone online.
      const ids: UserId[] = [];
      const named: (readonly [UserId, string])[] = [];
      for (const user of message.users) {
        ids.push(user.id);
        if (user.name) named.push([user.id, user.name]);
      }
      if (message.idType) sink.idType(message.idType);
      sink.online(ids, named, message.rejected === 0);
      if (message.rejected > 0) sink.debug(`online list: ${message.rejected} bad entries skipped`);
      return;
    }
    case 'call': {
      const { call } = message;
      if (call.idType) sink.idType(call.idType);
      // The server routes a call by Receiver: one on our socket is ours unless it is an echo of mine.
      if (sink.classify(call) === 'incoming') sink.incomingCall(call);
      return;
    }
    case 'ignored':
      sink.debug(`ignored a frame (${message.why}): ${message.what}`);
  }
}

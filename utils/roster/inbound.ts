import type { CallFrame, InboundMessage } from '../protocol/messages';
import type { UserId } from '../protocol/schemas';

/** Where each kind of frame from the server goes in the service. */
export interface InboundSink {
  readonly me: () => UserId | undefined;
  readonly online: (ids: readonly UserId[], named: readonly (readonly [UserId, string])[]) => void;
  readonly incomingCall: (call: CallFrame) => void;
  readonly debug: (text: string) => void;
}

export function routeInbound(message: InboundMessage, sink: InboundSink): void {
  switch (message.kind) {
    case 'online': {
      const named = message.users.flatMap((user) => (user.name ? [[user.id, user.name] as const] : []));
      sink.online(message.users.map((user) => user.id), named);
      if (message.rejected > 0) sink.debug(`online list: ${message.rejected} bad entries skipped`);
      return;
    }
    case 'call': {
      const { call } = message;
      const me = sink.me();
      // My own calls echoed to this socket from my other sessions are not incoming.
      if (me !== undefined && call.receiverId === me && call.senderId !== me) sink.incomingCall(call);
      return;
    }
    case 'ignored':
      sink.debug(`ignored a frame (${message.why}): ${message.what}`);
  }
}

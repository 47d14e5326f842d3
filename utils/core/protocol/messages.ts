import type { CallContext } from '../calls/call-context';
import type { DotNetTime } from './dotnet-time';
import type { OnlineUser, UserId, WireIdType } from './schemas';

export type { OnlineUser, UserId, WireIdType };

/** A call as the legacy server delivers it (and as we send it). */
export interface CallFrame {
  readonly senderId: UserId;
  readonly receiverId: UserId;
  /** Display names carried in the frame; may be empty. Data, never markup. */
  readonly senderName: string;
  readonly receiverName: string;
  /** `Data.type`: `呼叫` from the legacy server. */
  readonly callType: string;
  /**
   * `SendTime` exactly as written, or `''` when absent or implausible (see `boundedSendTime`):
   * with the sender, it recognises a replay. Never a call's time: that is when it arrived here.
   */
  readonly sendTimeText: string;
  /** `SendTime` understood, when it is a valid .NET round-trip timestamp. */
  readonly sendTime?: DotNetTime;
  /** How the frame wrote `Sender` (the server stamps it): the type calls must go back in. */
  readonly idType?: WireIdType;
  /** What the call is about (`Data`'s `url`, `title`, `note`), cleaned; not yet checked against the sites. */
  readonly context?: CallContext | undefined;
}

export type IgnoredWhy = 'heartbeat' | 'unknown-type' | 'unknown-event';

export type InboundMessage =
  /** The full online list: each one replaces the last. */
  | {
      readonly kind: 'online';
      readonly users: readonly OnlineUser[];
      readonly rejected: number;
      /** How the list wrote its ids; absent for an empty list. */
      readonly idType?: WireIdType;
    }
  | { readonly kind: 'call'; readonly call: CallFrame }
  /** Valid but not for us: unknown `Type`/`Event` values are expected from newer servers. */
  | { readonly kind: 'ignored'; readonly why: IgnoredWhy; readonly what: string };

import type { OnlineListFormat } from '../../utils/core/protocol/encode';
import type { WireIdType } from '../../utils/core/protocol/messages';

export type { WireIdType };

/**
 * How the host signs people in. `jwt`: each user's fixed token from the user table (a host that
 * hands out long-lived JWTs). `opaque`: `/login` mints a random session token the server keeps.
 */
export type TokenMode = 'jwt' | 'opaque';

/** One row of the host system's user table (dev/users.json). */
export interface UserRecord {
  readonly id: string;
  readonly name: string;
  /** The host's `USERTOKEN` in `jwt` mode (unused in `opaque`); a secret: never log it, never send it to a page. */
  readonly token: string;
  readonly department?: string;
  readonly email?: string;
}

export type LogLevel = 'info' | 'debug';

export interface ServerOptions {
  /** 0 picks a free port (tests). */
  readonly port?: number;
  readonly host?: string;
  /** The user table; when omitted, read from `usersPath`. */
  readonly users?: readonly UserRecord[];
  /** Defaults to dev/users.json; errors about the table name this file. */
  readonly usersPath?: string;
  readonly listFormat?: OnlineListFormat;
  /** Default `jwt`. */
  readonly tokens?: TokenMode;
  /**
   * How ids go on the wire and in the JSON APIs; default `string`. A `number` server is strict,
   * like .NET binding `int Sender`: a call whose `Sender` or `Receiver` is a JSON string is
   * dropped. Every user id must then be a whole number in `int` range, or the server will not start.
   */
  readonly idType?: WireIdType;
  /** Answer `heart check` with the online list, as the legacy server does. */
  readonly heartbeatReply?: boolean;
  /** Web origins allowed to open the socket besides extension origins (e.g. the host page's own). */
  readonly allowedOrigins?: readonly string[];
  /** Largest inbound frame in bytes; bigger ones close the socket with 1009. */
  readonly maxPayload?: number;
  /** One line per call; silent when omitted. */
  readonly log?: (line: string) => void;
  readonly logLevel?: LogLevel;
}

export interface ReceivedFrame {
  readonly userId: string;
  readonly text: string;
}

export interface ServerEvents {
  connection: { readonly userId: string; readonly connections: number };
  disconnect: { readonly userId: string; readonly code: number; readonly connections: number };
  frame: ReceivedFrame;
  online: { readonly online: readonly string[] };
}

export type ServerEventName = keyof ServerEvents;

/** The running server, as tests and the CLI drive it. */
export interface RosterServer {
  readonly port: number;
  /** `http://HOST:PORT` (no trailing slash). */
  readonly httpUrl: string;
  /** `ws://HOST:PORT/ws` (append `?token=`). */
  readonly wsUrl: string;
  readonly users: readonly UserRecord[];
  readonly tokens: TokenMode;
  readonly idType: WireIdType;
  /**
   * A `USERTOKEN` that signs `userId` in (for tests and bots): `jwt` → the user's fixed token;
   * `opaque` → a newly minted session. Throws for an unknown user.
   */
  tokenFor(userId: string): string;
  /** Online user ids (strings, whatever the wire type), in the order they came online. */
  onlineIds(): string[];
  /** Open authenticated sockets, of one user or of everyone. */
  connectionCount(userId?: string): number;
  /** Every frame received from authenticated sockets, oldest first (capped). */
  readonly received: readonly ReceivedFrame[];
  /** Returns a function that removes the listener. */
  on<E extends ServerEventName>(event: E, listener: (payload: ServerEvents[E]) => void): () => void;
  /** Resolves once `predicate()` holds; re-checked on every server event and every few ms. */
  waitFor(predicate: () => boolean, timeoutMs?: number): Promise<void>;
  /** Closes every socket of `userId` with `code`. */
  kick(userId: string, code: number, reason?: string): void;
  /** A dead link: nothing is sent any more (lists, calls, heartbeat replies); sockets stay open. */
  freeze(on: boolean): void;
  /** Sends `text` as is to every socket of `userId`, or of everyone with `'*'` (not while frozen). */
  sendRaw(userId: string, text: string): void;
  /** Terminates every socket and the HTTP server; resolves when the port is free. */
  close(): Promise<void>;
}

import { vi } from 'vitest';
import { Connection } from '../../../../utils/background/connection/connection';
import { defaultConnectionOptions } from '../../../../utils/background/connection/types';
import type { ConnectionOptions, NetworkMonitor, SocketLike } from '../../../../utils/background/connection/types';
import type { Timers } from '../../../../utils/core/timers';
import type { StatusChange } from '../../../../utils/core/messages/connection-status';

/** A socket the test drives by hand; it records what the connection did to it. */
export class FakeSocket implements SocketLike {
  readyState = 0;
  binaryType = 'blob';
  readonly sent: string[] = [];
  closedWith: { code: number | undefined; reason: string | undefined } | undefined;
  onopen: ((event: unknown) => void) | null = null;
  onmessage: ((event: { data: unknown }) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;
  onclose: ((event: { code: number; reason: string; wasClean: boolean }) => void) | null = null;

  constructor(readonly url: string) {}

  send(data: string): void {
    if (this.readyState !== 1) throw new Error('InvalidStateError: not open');
    this.sent.push(data);
  }

  close(code?: number, reason?: string): void {
    this.closedWith = { code, reason };
    this.readyState = 2;
  }

  open(): void {
    this.readyState = 1;
    this.onopen?.({});
  }

  receive(data: string | ArrayBuffer): void {
    this.onmessage?.({ data });
  }

  error(): void {
    this.onerror?.({});
  }

  serverClose(code: number, reason = ''): void {
    this.readyState = 3;
    this.onclose?.({ code, reason, wasClean: code !== 1006 });
  }

  /** Open, or on its way there, and not closed by the connection. */
  get live(): boolean {
    return this.readyState <= 1 && this.closedWith === undefined;
  }
}

export class FakeNetwork implements NetworkMonitor {
  private readonly listeners = new Set<(online: boolean) => void>();

  constructor(public online = true) {}

  isOnline(): boolean {
    return this.online;
  }

  subscribe(listener: (online: boolean) => void, signal: AbortSignal): void {
    this.listeners.add(listener);
    signal.addEventListener('abort', () => this.listeners.delete(listener));
  }

  set(online: boolean): void {
    this.online = online;
    for (const listener of [...this.listeners]) listener(online);
  }
}

/** Real-looking timers that read vitest's fakes at call time (they are installed per test). */
export const timers: Timers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle),
};

export const clock = { now: (): number => Date.now() };

/** Lets pending promise callbacks (the awaited token) run, without moving the clock. */
export const settle = (): Promise<unknown> => vi.advanceTimersByTimeAsync(0);

export const advance = (ms: number): Promise<unknown> => vi.advanceTimersByTimeAsync(ms);

export interface Setup {
  readonly options?: Partial<ConnectionOptions>;
  readonly online?: boolean;
  readonly random?: () => number;
  readonly getToken?: () => Promise<string | undefined>;
}

/** A connection wired to fakes, plus the handles a test needs. Call inside fake timers. */
export function connect(setup: Setup = {}) {
  const sockets: FakeSocket[] = [];
  const changes: StatusChange[] = [];
  const frames: (string | ArrayBuffer)[] = [];
  const network = new FakeNetwork(setup.online ?? true);
  const token = { value: 'tok-1' as string | undefined };
  /** Set `error` to make the factory throw, as `new WebSocket` does for a malformed URL. */
  const factory = { error: undefined as Error | undefined };
  const life = new AbortController();
  const connection = new Connection(
    { ...defaultConnectionOptions, serverUrl: 'wss://host.example/ws', ...setup.options },
    {
      createSocket: (url) => {
        if (factory.error !== undefined) throw factory.error;
        const socket = new FakeSocket(url);
        sockets.push(socket);
        return socket;
      },
      getToken: setup.getToken ?? (() => Promise.resolve(token.value)),
      timers,
      clock,
      random: setup.random ?? (() => 0.5),
      network,
    },
  );
  connection.onStatus((change) => changes.push(change), life.signal);
  connection.onFrame((data) => frames.push(data), life.signal);

  /** The newest socket; fails the test if there is none. */
  const last = (): FakeSocket => {
    const socket = sockets.at(-1);
    if (socket === undefined) throw new Error('no socket was created');
    return socket;
  };
  const live = (): number => sockets.filter((socket) => socket.live).length;
  const start = async (): Promise<void> => {
    connection.start(life.signal);
    await settle();
  };
  /** Start and open the first socket. */
  const connected = async (): Promise<FakeSocket> => {
    await start();
    last().open();
    return last();
  };
  return {
    connection,
    sockets,
    changes,
    frames,
    network,
    token,
    factory,
    life,
    last,
    live,
    start,
    connected,
  };
}

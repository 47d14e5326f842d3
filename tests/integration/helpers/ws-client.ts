import { WebSocket } from 'ws';
import { wsText } from '../../../dev/ws-text';

export interface Closed {
  readonly code: number;
  readonly reason: string;
}

/**
 * A `ws` client that queues what it receives, so a test can await "the next frame" without
 * racing the socket. Every client made here is remembered and terminated by `closeAllClients`.
 */
export class TestClient {
  readonly socket: WebSocket;
  readonly frames: string[] = [];
  /** Resolves when the socket is open; rejects with the HTTP status if the handshake is refused. */
  readonly opened: Promise<void>;
  readonly closed: Promise<Closed>;
  private readonly waiters = new Set<() => void>();
  private isClosed = false;

  constructor(url: string, headers: Record<string, string> = {}) {
    this.socket = new WebSocket(url, { headers });
    this.socket.on('message', (data, isBinary) => {
      this.frames.push(isBinary ? '[binary]' : wsText(data));
      this.wake();
    });
    this.opened = new Promise((resolve, reject) => {
      this.socket.once('open', () => resolve());
      this.socket.once('unexpected-response', (_request, response) => {
        reject(new Error(`handshake refused: ${response.statusCode}`));
        this.socket.terminate();
      });
      this.socket.once('error', reject);
    });
    this.opened.catch(() => {});
    this.closed = new Promise((resolve) => {
      this.socket.once('close', (code, reason) => {
        this.isClosed = true;
        this.wake();
        resolve({ code, reason: reason.toString() });
      });
    });
    this.socket.on('error', () => {});
    clients.add(this);
  }

  /** The first queued frame matching `predicate` (removed from the queue), waiting for it if need be. */
  async next(predicate: (frame: string) => boolean = () => true, timeoutMs = 3000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const index = this.frames.findIndex(predicate);
      if (index >= 0) return this.frames.splice(index, 1)[0] as string;
      if (this.isClosed) throw new Error(`socket closed while waiting; frames left: ${JSON.stringify(this.frames)}`);
      const left = deadline - Date.now();
      if (left <= 0)
        throw new Error(`no matching frame within ${timeoutMs} ms; frames: ${JSON.stringify(this.frames)}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done, left);
        const waiter = (): void => done();
        this.waiters.add(waiter);
        function done(): void {
          clearTimeout(timer);
          resolve();
        }
      });
    }
  }

  /** The next online list, as ids (or the raw entries for the object format). */
  async nextList(timeoutMs?: number): Promise<unknown[]> {
    const frame = await this.next((text) => text.startsWith('{"Type":"Chat"'), timeoutMs);
    return (JSON.parse(frame) as { Message: unknown[] }).Message;
  }

  /** Skips lists until one holds exactly `ids` (in any order). */
  async listBecomes(ids: readonly string[], timeoutMs = 3000): Promise<void> {
    const want = [...ids].sort().join(',');
    const deadline = Date.now() + timeoutMs;
    let last: unknown[] = [];
    for (;;) {
      try {
        last = await this.nextList(Math.max(1, deadline - Date.now()));
      } catch (error) {
        const why = error instanceof Error ? error.message : String(error);
        throw new Error(`online list never became [${want}]; last: ${JSON.stringify(last)}; ${why}`);
      }
      if (last.map(String).sort().join(',') === want) return;
    }
  }

  send(text: string | Buffer): void {
    this.socket.send(text);
  }

  close(): Promise<Closed> {
    this.socket.close();
    return this.closed;
  }

  private wake(): void {
    for (const waiter of [...this.waiters]) waiter();
    this.waiters.clear();
  }
}

const clients = new Set<TestClient>();

/** Connects and waits for the open socket. */
export async function connect(url: string, headers?: Record<string, string>): Promise<TestClient> {
  const client = new TestClient(url, headers);
  await client.opened;
  return client;
}

export function closeAllClients(): void {
  for (const client of clients) client.socket.terminate();
  clients.clear();
}

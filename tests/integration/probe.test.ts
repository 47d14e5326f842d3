import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import { startServer, type RosterServer } from '../../dev/server/index';
import {
  probeConnection,
  type ConnectionProbeDeps,
  type ProbeLimits,
} from '../../utils/background/probes/connection-probe';
import type { Timers } from '../../utils/core/timers';
import { probeDirectory } from '../../utils/background/probes/directory-probe';
import type { ConnectionProbeRequest } from '../../utils/core/messages/options-background-probes';
import { defaultSettings } from '../../utils/core/settings/validate';
import { FakeCookies } from '../helpers/fake-cookies';

const COOKIE = 'USERTOKEN';
const limits: ProbeLimits = { openMs: 3_000, listMs: 800, httpMs: 2_000 };

let server: RosterServer;
const sockets: WebSocket[] = [];
const extras: (WebSocketServer | Server)[] = [];

beforeAll(async () => {
  server = await startServer({ port: 0, log: () => undefined });
});

afterEach(() => {
  for (const socket of sockets.splice(0)) socket.terminate();
});

afterAll(async () => {
  for (const extra of extras) extra.close();
  await server.close();
});

function world(options: { signedInAs?: string; missing?: string[] } = {}) {
  const cookies = new FakeCookies();
  if (options.signedInAs) cookies.set(COOKIE, server.users.find((user) => user.id === options.signedInAs)?.token ?? '');
  const deps: ConnectionProbeDeps = {
    createSocket: (url) => {
      const socket = new WebSocket(url, { origin: 'chrome-extension://roster-test' });
      sockets.push(socket);
      return socket;
    },
    cookies,
    fetch: (input, init) => fetch(input, init),
    timers: { setTimeout: (callback, ms) => setTimeout(callback, ms), clearTimeout: (handle) => clearTimeout(handle) },
    missingOrigins: () => Promise.resolve(options.missing ?? []),
  };
  return { deps, cookies };
}

function request(serverUrl: string, overrides: Partial<ConnectionProbeRequest> = {}): ConnectionProbeRequest {
  const defaults = defaultSettings();
  return {
    probe: 'connection',
    serverUrl,
    auth: { cookieUrl: `${server.httpUrl}/`, cookieName: COOKIE },
    identity: defaults.identity,
    connection: defaults.connection,
    ...overrides,
  };
}

const probe = (url: string, deps: ConnectionProbeDeps, overrides: Partial<ConnectionProbeRequest> = {}) =>
  probeConnection(request(url, overrides), deps, new AbortController().signal, limits);

/** A WebSocket server that is not the legacy one: it says nothing, or something else. */
async function oddServer(behaviour: (socket: WebSocket) => void): Promise<string> {
  const wss = new WebSocketServer({ port: 0, host: '127.0.0.1' });
  extras.push(wss);
  wss.on('connection', behaviour);
  await new Promise((resolve) => wss.once('listening', resolve));
  return `ws://127.0.0.1:${(wss.address() as AddressInfo).port}/`;
}

describe('Test connection, against the reference server', () => {
  test('connected: who I am from the token, and how many are online', async () => {
    const result = await probe(server.wsUrl, world({ signedInAs: '1' }).deps);
    expect(result).toEqual({
      outcome: 'connected',
      me: { id: '1', name: '章三' },
      online: expect.any(Number) as number,
    });
    // The test socket does not stay: it is closed once the answer is known.
    await server.waitFor(() => server.connectionCount('1') === 0);
  });

  test('an opaque session token: who I am from the "who am I" address, with the host\'s cookie', async () => {
    const opaque = await startServer({ port: 0, tokens: 'opaque', log: () => undefined });
    try {
      const { deps, cookies } = world();
      const token = opaque.tokenFor('2');
      cookies.set(COOKIE, token);
      // Stands in for the browser sending the host's cookie with `credentials: 'include'`.
      const withCookie: ConnectionProbeDeps = {
        ...deps,
        fetch: (input, init) => fetch(input, { ...init, headers: { cookie: `${COOKIE}=${token}` } }),
      };
      const overrides = { auth: { cookieUrl: `${opaque.httpUrl}/`, cookieName: COOKIE } };
      expect(await probe(opaque.wsUrl, withCookie, overrides)).toMatchObject({ outcome: 'connected', me: null });
      const identity = { ...defaultSettings().identity, url: '/api/me' };
      const result = await probe(opaque.wsUrl, withCookie, { ...overrides, identity });
      expect(result).toMatchObject({ outcome: 'connected', me: { id: '2', name: '李四' } });
    } finally {
      await opaque.close();
    }
  });

  test('a token the server refuses', async () => {
    const { deps, cookies } = world();
    cookies.set(COOKIE, 'not-a-token');
    const result = await probe(server.wsUrl, deps);
    expect(result).toEqual({ outcome: 'rejected', detail: 'closed with 4001 after 0 s: unauthorized' });
  });

  test('no token: not signed in to the site', async () => {
    expect(await probe(server.wsUrl, world().deps)).toEqual({ outcome: 'signed-out', siteUrl: `${server.httpUrl}/` });
  });

  test('a wrong path answers over HTTP, but not as the WebSocket', async () => {
    const result = await probe(`ws://127.0.0.1:${server.port}/nope`, world({ signedInAs: '1' }).deps);
    expect(result.outcome).toBe('wrong-protocol');
    expect(result.outcome === 'wrong-protocol' && result.detail).toMatch(/HTTP 404$/);
  });

  test('nothing listening: unreachable', async () => {
    const gone = await startServer({ port: 0, log: () => undefined });
    const url = gone.wsUrl;
    await gone.close();
    expect((await probe(url, world({ signedInAs: '1' }).deps)).outcome).toBe('unreachable');
  });

  test('no host access yet: nothing is tried', async () => {
    const result = await probe(server.wsUrl, world({ signedInAs: '1', missing: ['http://127.0.0.1/*'] }).deps);
    expect(result).toEqual({ outcome: 'no-permission', origins: ['http://127.0.0.1/*'] });
  });

  test('no address: nothing to test', async () => {
    expect(await probe('', world().deps)).toEqual({ outcome: 'not-configured' });
  });

  test('the token never appears in what the test reports', async () => {
    const { deps, cookies } = world();
    cookies.set(COOKIE, 'secret-token-123');
    const url = await oddServer((socket) => socket.close(4001, 'bad token secret-token-123'));
    const result = await probe(url, deps);
    expect(JSON.stringify(result)).not.toContain('secret-token-123');
    expect(result.outcome).toBe('rejected');
  });
});

describe('Test connection, against servers that are not the legacy one', () => {
  test('silence after opening', async () => {
    const url = await oddServer(() => undefined);
    expect(await probe(url, world({ signedInAs: '1' }).deps)).toEqual({
      outcome: 'wrong-protocol',
      detail: 'opened, but nothing came in 1 s',
    });
  });

  test('frames that are not the protocol', async () => {
    const url = await oddServer((socket) => socket.send('<html>hello</html>'));
    const result = await probe(url, world({ signedInAs: '1' }).deps);
    expect(result.outcome).toBe('wrong-protocol');
  });

  test('a server that answers the heartbeat but sends no list yet still counts as connected', async () => {
    const url = await oddServer((socket) => socket.on('message', (data: Buffer) => socket.send(data.toString())));
    const result = await probe(url, world({ signedInAs: '1' }).deps);
    expect(result).toEqual({ outcome: 'connected', me: { id: '1', name: '章三' }, online: null });
  });

  test('closed for another reason after opening', async () => {
    const url = await oddServer((socket) => socket.close(1011, 'boom'));
    const result = await probe(url, world({ signedInAs: '1' }).deps);
    expect(result).toEqual({ outcome: 'closed', detail: 'closed with 1011 (server error) after 0 s: boom' });
  });

  test('an HTTP server that refuses with 403 is reported as refused', async () => {
    const http = createServer((_request, response) => response.writeHead(403).end());
    extras.push(http);
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    const result = await probe(
      `ws://127.0.0.1:${(http.address() as AddressInfo).port}/ws`,
      world({ signedInAs: '1' }).deps,
    );
    expect(result.outcome).toBe('refused');
  });
});

describe('Test of the user list', () => {
  const timers: Timers = {
    setTimeout: (callback, ms) => setTimeout(callback, ms),
    clearTimeout: (handle) => clearTimeout(handle),
  };
  const directory = () => ({ ...defaultSettings().directory, url: `${server.httpUrl}/api/users` });
  const cookieFetch =
    (token: string | undefined): typeof fetch =>
    (input, init) =>
      fetch(input, { ...init, headers: token ? { cookie: `${COOKIE}=${token}` } : {} });

  test('reads the users with the host’s cookie', async () => {
    const token = server.users[0]?.token;
    const result = await probeDirectory(
      { probe: 'directory', directory: directory() },
      { fetch: cookieFetch(token), timers, missingOrigins: () => Promise.resolve([]) },
      new AbortController().signal,
    );
    expect(result).toEqual({
      outcome: 'read',
      users: server.users.length,
      skipped: 0,
      beyond: 0,
      sample: server.users.slice(0, 3).map((user) => user.name),
    });
  });

  test('signed out: the site answers 401', async () => {
    const result = await probeDirectory(
      { probe: 'directory', directory: directory() },
      { fetch: cookieFetch(undefined), timers, missingOrigins: () => Promise.resolve([]) },
      new AbortController().signal,
    );
    expect(result).toMatchObject({ outcome: 'failed', code: 'http' });
  });

  test('wrong field names: nothing usable', async () => {
    const token = server.users[0]?.token;
    const result = await probeDirectory(
      { probe: 'directory', directory: { ...directory(), nameField: 'fullName' } },
      { fetch: cookieFetch(token), timers, missingOrigins: () => Promise.resolve([]) },
      new AbortController().signal,
    );
    expect(result).toMatchObject({ outcome: 'read', users: 0, skipped: server.users.length });
  });
});

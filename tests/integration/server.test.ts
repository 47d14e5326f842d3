import { request } from 'node:http';
import { createServer } from 'node:net';
import { afterEach, describe, expect, test } from 'vitest';
import { botUsers, seededRandom, startBots } from '../../dev/bots/index';
import { startServer, validateUsers, type RosterServer, type ServerOptions } from '../../dev/server/index';
import { closeAllClients, connect, TestClient } from './helpers/ws-client';

const DOTNET_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}[+-]\d\d:\d\d$/;

let server: RosterServer | undefined;
const logs: string[] = [];

async function start(options: ServerOptions = {}): Promise<RosterServer> {
  server = await startServer({ port: 0, log: (line) => logs.push(line), logLevel: 'debug', ...options });
  return server;
}

afterEach(async () => {
  closeAllClients();
  await server?.close();
  server = undefined;
  logs.length = 0;
});

function running(): RosterServer {
  if (!server) throw new Error('server not started');
  return server;
}

function tokenOf(userId: string): string {
  const user = running().users.find((candidate) => candidate.id === userId);
  if (!user) throw new Error(`no user ${userId}`);
  return user.token;
}

function nameOf(userId: string): string {
  return running().users.find((user) => user.id === userId)?.name ?? '';
}

function socketUrl(userId: string): string {
  return `${running().wsUrl}?token=${encodeURIComponent(tokenOf(userId))}`;
}

/** Connects as `userId` and consumes the list every new socket gets right away. */
async function online(userId: string, headers?: Record<string, string>): Promise<TestClient> {
  const client = await connect(socketUrl(userId), headers);
  await client.nextList();
  return client;
}

function callFrame(fields: {
  sender?: string;
  receiver: string;
  sendTime?: string | null;
  senderName?: string;
  receiverName?: string;
  type?: string;
}): string {
  return JSON.stringify({
    Sender: fields.sender ?? '99',
    Receiver: fields.receiver,
    SendTime: fields.sendTime,
    Message: {
      Event: 'Call',
      Data: { sender: fields.senderName ?? '', type: fields.type ?? '呼叫', receiver: fields.receiverName ?? '' },
    },
    Type: 'Event',
  });
}

const isCall = (frame: string): boolean => frame.includes('"Type":"Event"');
const isList = (frame: string): boolean => frame.startsWith('{"Type":"Chat"');

interface CallJson {
  Sender: string;
  Receiver: string;
  SendTime: string;
  Message: { Event: string; Data: { sender: string; type: string; receiver: string } };
  Type: string;
}

/** Raw HTTP, so that paths reach the server exactly as written (fetch would normalise `..`). */
function httpGet(
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  const { port } = running();
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path, method: options.method ?? 'GET', headers: options.headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }),
        );
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

describe('presence', () => {
  test('a valid token gets the online list right away', async () => {
    await start();
    const client = await connect(socketUrl('1'));
    expect(await client.nextList()).toEqual(['1']);
    expect(running().onlineIds()).toEqual(['1']);
  });

  test('two users both see both', async () => {
    await start();
    const alice = await online('1');
    const bob = await connect(socketUrl('2'));
    expect(await bob.nextList()).toEqual(['1', '2']);
    expect(await alice.nextList()).toEqual(['1', '2']);
  });

  test('a user with two sockets is online once, until the last socket closes', async () => {
    const srv = await start();
    const first = await online('1');
    const watcher = await connect(socketUrl('2'));
    expect(await watcher.nextList()).toEqual(['1', '2']);
    const second = await connect(socketUrl('1'));
    // The second socket gets the list although the online set did not change.
    expect(await second.nextList()).toEqual(['1', '2']);
    expect(srv.connectionCount('1')).toBe(2);
    expect(srv.connectionCount()).toBe(3);

    await first.close();
    await srv.waitFor(() => srv.connectionCount('1') === 1);
    expect(srv.onlineIds()).toEqual(['1', '2']);

    await second.close();
    await watcher.listBecomes(['2']);
    expect(srv.onlineIds()).toEqual(['2']);
  });

  test('the object format carries names', async () => {
    await start({ listFormat: 'objects' });
    const client = await connect(socketUrl('1'));
    expect(await client.nextList()).toEqual([{ userId: '1', userName: '章三' }]);
  });

  test('connection and online events fire', async () => {
    const srv = await start();
    const seen: string[] = [];
    srv.on('connection', ({ userId, connections }) => seen.push(`connect ${userId} ${connections}`));
    srv.on('online', ({ online: ids }) => seen.push(`online ${ids.join(',')}`));
    srv.on('disconnect', ({ userId, connections }) => seen.push(`disconnect ${userId} ${connections}`));
    const client = await online('3');
    await client.close();
    await srv.waitFor(() => seen.length === 4);
    expect(seen).toEqual(['connect 3 1', 'online 3', 'disconnect 3 0', 'online ']);
  });
});

describe('authentication', () => {
  test.each([
    ['no token', ''],
    ['an empty token', '?token='],
    ['an unknown token', '?token=not-a-real-token'],
  ])('%s: accepted, then closed with 4001', async (_label, query) => {
    const srv = await start();
    const client = new TestClient(`${srv.wsUrl}${query}`);
    await client.opened;
    expect(await client.closed).toEqual({ code: 4001, reason: 'unauthorized' });
    expect(client.frames).toEqual([]);
    expect(srv.connectionCount()).toBe(0);
  });

  test('a wrong path is refused at the handshake', async () => {
    const srv = await start();
    const client = new TestClient(`${srv.httpUrl.replace('http', 'ws')}/socket?token=${tokenOf('1')}`);
    await expect(client.opened).rejects.toThrow('handshake refused: 404');
  });
});

describe('Origin check', () => {
  test.each([
    ['no Origin (bots, tests)', undefined, true],
    ['a Chrome extension', 'chrome-extension://abcdefghijklmnopabcdefghijklmnop', true],
    ['a Firefox extension', 'moz-extension://0b6f9a3e-3a5e-4c8d-9a57-0c1c7d3b9f11', true],
    ['an allow-listed page', 'http://localhost:5173', true],
    ['another web page', 'https://evil.example', false],
    ['an extension look-alike', 'chrome-extension://id/../evil', false],
    ['an opaque origin', 'null', false],
  ])('%s', async (_label, origin, allowed) => {
    const srv = await start({ allowedOrigins: ['http://localhost:5173'] });
    const client = new TestClient(socketUrl('1'), origin === undefined ? {} : { Origin: origin });
    if (allowed) {
      await client.opened;
      expect(await client.nextList()).toEqual(['1']);
    } else {
      await expect(client.opened).rejects.toThrow('handshake refused: 403');
      expect(srv.connectionCount()).toBe(0);
    }
  });
});

describe('calls', () => {
  test('go to every socket of the receiver and the sender’s other sockets, from the real sender', async () => {
    await start();
    const senderA = await online('1');
    const senderB = await online('1');
    const receiverA = await online('2');
    const receiverB = await online('2');
    senderA.send(callFrame({ sender: '99', receiver: '2', sendTime: '' }));

    const delivered = await Promise.all([receiverA, receiverB, senderB].map((client) => client.next(isCall)));
    for (const frame of delivered) {
      const call = JSON.parse(frame) as CallJson;
      expect(call.Sender).toBe('1');
      expect(call.Receiver).toBe('2');
      expect(call.SendTime).toMatch(DOTNET_TIME);
      expect(call.Message).toEqual({ Event: 'Call', Data: { sender: '章三', type: '呼叫', receiver: '李四' } });
      expect(Object.keys(call)).toEqual(['Sender', 'Receiver', 'SendTime', 'Message', 'Type']);
    }
    expect(new Set(delivered).size).toBe(1);
    // Frames on one socket stay in order: a heartbeat reply before any call means no echo came back.
    senderA.send('heart check');
    await senderA.next(isList);
    expect(senderA.frames.filter(isCall)).toEqual([]);
  });

  test.each([
    ['an empty SendTime', ''],
    ['a null SendTime', null],
    ['no SendTime', undefined],
    ['an invalid SendTime', 'yesterday at noon'],
  ])('%s is stamped in .NET round-trip format', async (_label, sendTime) => {
    await start();
    const sender = await online('1');
    const receiver = await online('2');
    sender.send(callFrame({ receiver: '2', sendTime }));
    const call = JSON.parse(await receiver.next(isCall)) as CallJson;
    expect(call.SendTime).toMatch(DOTNET_TIME);
    const offset = -new Date().getTimezoneOffset();
    const sign = offset < 0 ? '-' : '+';
    const zone = `${sign}${String(Math.floor(Math.abs(offset) / 60)).padStart(2, '0')}:${String(Math.abs(offset) % 60).padStart(2, '0')}`;
    expect(call.SendTime.endsWith(zone)).toBe(true);
    expect(Math.abs(Date.parse(call.SendTime) - Date.now())).toBeLessThan(5000);
  });

  test.each([
    ['the recipe’s own', '2020-08-06T16:32:22.3224288+08:00'],
    ['UTC with Z', '2020-08-06T08:32:22Z'],
    ['fewer fractional digits', '2020-08-06T16:32:22.5-05:30'],
  ])('a valid SendTime (%s) is kept verbatim', async (_label, sendTime) => {
    await start();
    const sender = await online('1');
    const receiver = await online('2');
    sender.send(callFrame({ receiver: '2', sendTime }));
    expect((JSON.parse(await receiver.next(isCall)) as CallJson).SendTime).toBe(sendTime);
  });

  test('names given by the client are kept', async () => {
    await start();
    const sender = await online('1');
    const receiver = await online('2');
    sender.send(callFrame({ receiver: '2', sendTime: '', senderName: 'Zhang', receiverName: 'Li' }));
    const call = JSON.parse(await receiver.next(isCall)) as CallJson;
    expect(call.Message.Data).toEqual({ sender: 'Zhang', type: '呼叫', receiver: 'Li' });
  });

  test.each([
    ['an offline user', '3', 'receiver offline'],
    ['an unknown user', '424242', 'receiver offline'],
  ])('a call to %s is dropped and logged', async (_label, receiverId, why) => {
    await start();
    const sender = await online('1');
    const otherTab = await online('1');
    sender.send(callFrame({ receiver: receiverId, sendTime: '' }));
    sender.send('heart check');
    await sender.next(isList);
    otherTab.send('heart check');
    await otherTab.next(isList);
    expect([...sender.frames, ...otherTab.frames].filter(isCall)).toEqual([]);
    expect(logs.some((line) => line.includes('dropped') && line.includes(why))).toBe(true);
  });

  test('a call whose Data.type is not 呼叫 is dropped', async () => {
    await start();
    const sender = await online('1');
    const receiver = await online('2');
    sender.send(callFrame({ receiver: '2', sendTime: '', type: 'call', senderName: 'translated' }));
    sender.send(callFrame({ receiver: '2', sendTime: '', senderName: 'legacy' }));
    // Frames keep their order: had the first been forwarded, it would arrive first.
    const call = JSON.parse(await receiver.next(isCall)) as CallJson;
    expect(call.Message.Data).toMatchObject({ sender: 'legacy', type: '呼叫' });
    expect(logs.some((line) => line.includes('Data.type'))).toBe(true);
  });
});

describe('heartbeat', () => {
  test('`heart check` is answered with the online list, to that socket only', async () => {
    await start();
    const alice = await online('1');
    const bob = await online('2');
    await alice.listBecomes(['1', '2']);
    bob.send('heart check');
    expect(await bob.nextList()).toEqual(['1', '2']);
    alice.send('heart check');
    expect(await alice.nextList()).toEqual(['1', '2']);
    expect(bob.frames).toEqual([]);
  });

  test('with heartbeatReply off, `heart check` is not answered', async () => {
    await start({ heartbeatReply: false });
    const alice = await online('1');
    alice.send('heart check');
    await running().waitFor(() => running().received.some((frame) => frame.text === 'heart check'));
    await online('2');
    // The first frame after the heartbeat is the list that user 2 caused.
    expect(await alice.nextList()).toEqual(['1', '2']);
  });
});

describe('bad input', () => {
  test('a frame over 64 KiB closes the socket with 1009', async () => {
    await start();
    const client = await online('1');
    client.send('x'.repeat(64 * 1024 + 1));
    expect((await client.closed).code).toBe(1009);
  });

  test.each([
    ['not JSON', 'hello there'],
    ['JSON but not an object', '[1,2,3]'],
    ['null', 'null'],
    ['an unknown Type', '{"Type":"Typing","Message":"…"}'],
    ['an Event without fields', '{"Type":"Event"}'],
    [
      'an unknown Event',
      '{"Type":"Event","Sender":"1","Receiver":"2","SendTime":"","Message":{"Event":"Hangup","Data":{}},"Type2":1}',
    ],
    ['a Call without Data', '{"Type":"Event","Sender":"1","Receiver":"2","Message":{"Event":"Call"}}'],
    ['an online list from a client', '{"Type":"Chat","Message":["1","2","3"]}'],
    ['a binary frame', Buffer.from([0, 1, 2, 3])],
  ])('%s is ignored: the socket stays open and keeps getting lists', async (_label, frame) => {
    await start();
    const client = await online('1');
    client.send(frame);
    client.send('heart check');
    expect(await client.nextList()).toEqual(['1']);
    await online('2');
    expect(await client.nextList()).toEqual(['1', '2']);
    expect(running().connectionCount('1')).toBe(1);
  });

  test('frames received are recorded for assertions', async () => {
    const srv = await start();
    const client = await online('4');
    client.send('heart check');
    await srv.waitFor(() => srv.received.length === 1);
    expect(srv.received).toEqual([{ userId: '4', text: 'heart check' }]);
  });
});

describe('control handle', () => {
  test('kick closes every socket of a user with the given code', async () => {
    const srv = await start();
    const a = await online('1');
    const b = await online('1');
    const watcher = await online('2');
    srv.kick('1', 4000, 'bye');
    expect(await a.closed).toEqual({ code: 4000, reason: 'bye' });
    expect(await b.closed).toEqual({ code: 4000, reason: 'bye' });
    await watcher.listBecomes(['2']);
  });

  test('freeze sends nothing while sockets stay open; unfreeze resumes', async () => {
    const srv = await start();
    const alice = await online('1');
    srv.freeze(true);
    alice.send('heart check');
    const bob = await connect(socketUrl('2'));
    bob.send('heart check');
    await srv.waitFor(() => srv.onlineIds().length === 2 && srv.received.length === 2);
    expect(alice.socket.readyState).toBe(alice.socket.OPEN);
    srv.freeze(false);
    alice.send('heart check');
    bob.send('heart check');
    expect(await alice.nextList()).toEqual(['1', '2']);
    expect(await bob.nextList()).toEqual(['1', '2']);
    // Nothing from the frozen time (bob's arrival, two heartbeats) came before the replies.
    expect(alice.frames).toEqual([]);
    expect(bob.frames).toEqual([]);
  });

  test('pings are answered, except while frozen', async () => {
    const srv = await start();
    const client = await online('1');
    const pong = (): Promise<string> =>
      new Promise((resolve) => client.socket.once('pong', (data) => resolve(data.toString())));
    const first = pong();
    client.socket.ping('one');
    expect(await first).toBe('one');
    srv.freeze(true);
    const pongs: string[] = [];
    client.socket.on('pong', (data) => pongs.push(data.toString()));
    client.socket.ping('two');
    client.send('heart check');
    await srv.waitFor(() => srv.received.length === 1);
    srv.freeze(false);
    const third = pong();
    client.socket.ping('three');
    expect(await third).toBe('three');
    expect(pongs).toEqual(['three']);
  });

  test('sendRaw pushes a frame to one user or to everyone', async () => {
    const srv = await start();
    const alice = await online('1');
    const bob = await online('2');
    await alice.listBecomes(['1', '2']);
    srv.sendRaw('2', '{"Type":"Surprise"}');
    expect(await bob.next()).toBe('{"Type":"Surprise"}');
    srv.sendRaw('*', 'not json');
    expect(await alice.next()).toBe('not json');
    expect(await bob.next()).toBe('not json');
  });

  test('waitFor rejects with the condition and the state', async () => {
    const srv = await start();
    await expect(srv.waitFor(() => srv.onlineIds().includes('7'), 50)).rejects.toThrow(
      /waitFor: not true after 50 ms: .*includes\(.7.\).*online: \[\]/,
    );
  });

  test('close terminates sockets and frees the port', async () => {
    const srv = await start();
    const client = await online('1');
    await srv.close();
    expect((await client.closed).code).toBe(1006);
    const probe = createServer();
    await new Promise<void>((resolve, reject) => {
      probe.once('error', reject);
      probe.listen(srv.port, '127.0.0.1', () => resolve());
    });
    await new Promise<void>((resolve) => probe.close(() => resolve()));
  });
});

describe('directory API and sign-in', () => {
  test.each([
    ['no cookie', undefined],
    ['an unknown token', 'USERTOKEN=forged'],
    ['another cookie only', 'theme=dark'],
  ])('/api/users with %s is 401', async (_label, cookie) => {
    await start();
    const res = await httpGet('/api/users', { headers: cookie ? { Cookie: cookie } : {} });
    expect(res.status).toBe(401);
    expect(JSON.parse(res.body)).toEqual({ error: 'unauthorized' });
  });

  test('/api/users lists everyone, without tokens', async () => {
    const srv = await start();
    const res = await httpGet('/api/users', { headers: { Cookie: `theme=dark; USERTOKEN=${tokenOf('2')}` } });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    const users = JSON.parse(res.body) as Array<Record<string, unknown>>;
    expect(users).toHaveLength(srv.users.length);
    expect(users[0]).toMatchObject({ id: '1', name: '章三' });
    for (const user of users) expect(Object.keys(user).sort()).toEqual(['department', 'email', 'id', 'name']);
    for (const { token } of srv.users) expect(res.body).not.toContain(token);
  });

  test.each([
    ['POST form', 'POST', '/login', 'userId=3'],
    ['GET query', 'GET', '/login?userId=3', undefined],
  ])('/login by %s sets the USERTOKEN cookie and redirects home', async (_label, method, path, body) => {
    await start();
    const res = await httpGet(path, {
      method,
      body,
      headers: body ? { 'Content-Type': 'application/x-www-form-urlencoded' } : {},
    });
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/');
    expect(res.headers['set-cookie']).toEqual([`USERTOKEN=${tokenOf('3')}; Path=/; SameSite=Lax`]);
  });

  test.each([
    ['an unknown user', '/login?userId=999'],
    ['no user', '/login'],
  ])('/login with %s is 400 and sets no cookie', async (_label, path) => {
    await start();
    const res = await httpGet(path);
    expect(res.status).toBe(400);
    expect(res.headers['set-cookie']).toBeUndefined();
  });

  test.each(['GET', 'POST'])('%s /logout clears the cookie', async (method) => {
    await start();
    const res = await httpGet('/logout', { method });
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/');
    expect(res.headers['set-cookie']).toEqual(['USERTOKEN=; Path=/; Max-Age=0; SameSite=Lax']);
  });

  test('/api/session tells the page who is signed in', async () => {
    await start();
    const anonymous = JSON.parse((await httpGet('/api/session')).body) as { user: unknown; signInUsers: unknown[] };
    expect(anonymous.user).toBeNull();
    expect(anonymous.signInUsers[0]).toEqual({ id: '1', name: '章三' });
    const signedIn = await httpGet('/api/session', { headers: { Cookie: `USERTOKEN=${tokenOf('4')}` } });
    expect(JSON.parse(signedIn.body)).toMatchObject({ user: { id: '4', name: nameOf('4') } });
    expect(signedIn.body).not.toContain(tokenOf('4'));
  });
});

describe('demo page and static files', () => {
  test('the page is served with a strict CSP and loads vendor files from /vendor', async () => {
    await start();
    const res = await httpGet('/');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).not.toContain('unsafe');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    for (const asset of [
      '/vendor/vue.runtime.min.js',
      '/vendor/element-ui/index.js',
      '/vendor/element-ui/theme-chalk/index.css',
      '/app.js',
      '/app.css',
    ]) {
      expect(res.body).toContain(`"${asset}"`);
    }
    expect(res.body).not.toMatch(/WebSocket|\/ws/);
  });

  test.each([
    ['/app.js', 'text/javascript; charset=utf-8'],
    ['/app.css', 'text/css; charset=utf-8'],
    ['/favicon.svg', 'image/svg+xml'],
    ['/vendor/vue.runtime.min.js', 'text/javascript; charset=utf-8'],
    ['/vendor/element-ui/index.js', 'text/javascript; charset=utf-8'],
    ['/vendor/element-ui/theme-chalk/index.css', 'text/css; charset=utf-8'],
    ['/vendor/element-ui/theme-chalk/fonts/element-icons.woff', 'font/woff'],
    ['/vendor/element-ui/theme-chalk/fonts/element-icons.ttf', 'font/ttf'],
  ])('%s is served as %s', async (path, type) => {
    await start();
    const res = await httpGet(path);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe(type);
    expect(res.body.length).toBeGreaterThan(100);
  });

  test.each([
    '/vendor/../../package.json',
    '/vendor/..%2F..%2Fpackage.json',
    '/vendor/vue.runtime.min.js/../../../package.json',
    '/../package.json',
    '/vendor/',
    '/vendor/vue.js',
    '/node_modules/vue/package.json',
    '/users.json',
    '/dev/users.json',
    '/%2e%2e/package.json',
  ])('%s is 404', async (path) => {
    await start();
    const res = await httpGet(path);
    expect(res.status).toBe(404);
    expect(res.body).not.toContain('"name"');
  });

  test('static files refuse other methods', async () => {
    await start();
    expect((await httpGet('/app.js', { method: 'POST' })).status).toBe(405);
  });
});

describe('logging', () => {
  test('tokens are never logged', async () => {
    const srv = await start();
    const alice = await online('1');
    await online('2');
    alice.send(callFrame({ receiver: '2', sendTime: '' }));
    alice.send(`{"Type":"Chat","Token":"${tokenOf('3')}"}`);
    alice.send(tokenOf('4'));
    const stranger = new TestClient(`${srv.wsUrl}?token=secret-looking-token`);
    await stranger.closed;
    await httpGet('/login?userId=5');
    await httpGet('/api/users', { headers: { Cookie: `USERTOKEN=${tokenOf('1')}` } });
    srv.kick('1', 4000);
    await srv.waitFor(() => srv.received.length === 3 && srv.connectionCount('1') === 0);
    expect(logs.length).toBeGreaterThan(5);
    const all = logs.join('\n');
    for (const { token } of srv.users) expect(all).not.toContain(token);
    expect(all).not.toContain('secret-looking-token');
    for (const line of logs) expect(line).not.toMatch(/[\r\n]/);
  });
});

describe('user table', () => {
  const good = { id: '1', name: 'Ann', token: 'token-0001' };
  test.each([
    ['not an array', { users: [] }, /expected a JSON array/],
    ['an empty table', [], /no users/],
    ['a missing name', [good, { id: '2', token: 'token-0002' }], /entry #1 \(id "2"\): name/],
    [
      'a blank name',
      [good, { id: '2', name: '  ', token: 'token-0002' }],
      /entry #1 \(id "2"\): name must not be blank/,
    ],
    ['a name with a newline', [good, { id: '2', name: 'a\nb', token: 'token-0002' }], /entry #1 .*control characters/],
    [
      'a duplicate id',
      [good, { id: '1', name: 'Bob', token: 'token-0002' }],
      /entry #1 \(id "1"\): duplicate id \(also entry #0\)/,
    ],
    [
      'a duplicate token',
      [good, { id: '2', name: 'Bob', token: 'token-0001' }],
      /entry #1 \(id "2"\): same token as entry #0/,
    ],
    ['a token with a semicolon', [good, { id: '2', name: 'Bob', token: 'abc;def-ghi' }], /entry #1 \(id "2"\): token/],
    ['a numeric id', [{ id: 1, name: 'Ann', token: 'token-0001' }], /entry #0 \(id 1\): id/],
  ])('%s is refused with the entry named', (_label, raw, message) => {
    expect(() => validateUsers(raw, 'users.json')).toThrow(message);
  });

  test('errors never show a token', () => {
    expect(() => validateUsers([good, { ...good, id: '2', name: 'Bob' }], 'users.json')).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining('token-0001') }),
    );
  });

  test('startServer refuses a bad table', async () => {
    await expect(startServer({ port: 0, users: [good, good] })).rejects.toThrow(/options\.users: entry #1/);
  });

  test('the shipped dev/users.json loads, with the hostile and the long name', async () => {
    const srv = await start();
    expect(srv.users.length).toBeGreaterThanOrEqual(30);
    expect(nameOf('13')).toBe('<img src=x onerror=alert(1)>');
    expect(Math.max(...srv.users.map((user) => user.name.length))).toBeGreaterThan(80);
  });
});

describe('bots', () => {
  test('come online, call an online human (never a bot), and stop on abort', async () => {
    const srv = await start();
    const human = await online('1');
    const controller = new AbortController();
    const bots = botUsers(srv.users);
    const fleet = startBots({
      wsUrl: srv.wsUrl,
      users: bots,
      count: 4,
      random: seededRandom(42),
      speed: 500,
      signal: controller.signal,
    });
    const call = JSON.parse(await human.next(isCall, 10_000)) as CallJson;
    expect(bots.map((bot) => bot.id)).toContain(call.Sender);
    expect(call.Receiver).toBe('1');
    expect(call.SendTime).toMatch(DOTNET_TIME);
    expect(call.Message.Data.sender).toBe(nameOf(call.Sender));
    controller.abort();
    await fleet.done;
    await srv.waitFor(() => srv.connectionCount() === 1);
    expect(fleet.online()).toEqual([]);
    const botIds = new Set(bots.map((bot) => bot.id));
    const botCalls = srv.received.filter((frame) => botIds.has(frame.userId) && isCall(frame.text));
    for (const frame of botCalls) expect((JSON.parse(frame.text) as CallJson).Receiver).toBe('1');
  });
});

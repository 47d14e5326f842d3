import { request } from 'node:http';
import { afterEach, describe, expect, test } from 'vitest';
import { botUsers, seededRandom, startBots } from '../../dev/bots/index';
import { describeServer } from '../../dev/server/banner';
import {
  startServer,
  type RosterServer,
  type ServerOptions,
  type TokenMode,
  type WireIdType,
} from '../../dev/server/index';
import { closeAllClients, connect, TestClient } from './helpers/ws-client';

/**
 * The host shapes besides the default (users.json JWTs, string ids): opaque session tokens,
 * numeric ids, and the "who am I" endpoint. server.test.ts covers everything else.
 */

const DOTNET_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}[+-]\d\d:\d\d$/;
const SHAPES: Array<[TokenMode, WireIdType]> = [
  ['jwt', 'string'],
  ['jwt', 'number'],
  ['opaque', 'string'],
  ['opaque', 'number'],
];

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

function jwtOf(userId: string): string {
  const user = running().users.find((candidate) => candidate.id === userId);
  if (!user) throw new Error(`no user ${userId}`);
  return user.token;
}

function userOf(userId: string): { name: string; department: string } {
  const user = running().users.find((candidate) => candidate.id === userId);
  return { name: user?.name ?? '', department: user?.department ?? '' };
}

function socketUrl(token: string): string {
  return `${running().wsUrl}?token=${encodeURIComponent(token)}`;
}

/** Connects as `userId` with a token from the server and consumes the first list. */
async function online(userId: string): Promise<TestClient> {
  const client = await connect(socketUrl(running().tokenFor(userId)));
  await client.nextList();
  return client;
}

async function refused(token: string): Promise<void> {
  const client = new TestClient(socketUrl(token));
  await client.opened;
  expect(await client.closed).toEqual({ code: 4001, reason: 'unauthorized' });
  expect(client.frames).toEqual([]);
}

/** A call frame with ids exactly as given: strings stay JSON strings, numbers JSON numbers. */
function callFrame(sender: string | number, receiver: string | number, senderName = ''): string {
  return JSON.stringify({
    Sender: sender,
    Receiver: receiver,
    SendTime: '',
    Message: { Event: 'Call', Data: { sender: senderName, type: '呼叫', receiver: '' } },
    Type: 'Event',
  });
}

interface CallJson {
  Sender: unknown;
  Receiver: unknown;
  SendTime: string;
  Message: { Event: string; Data: { sender: string; type: string; receiver: string } };
}

const isCall = (frame: string): boolean => frame.includes('"Type":"Event"');

function http(
  path: string,
  options: { method?: string; cookie?: string } = {},
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  const { port } = running();
  const headers = options.cookie ? { Cookie: options.cookie } : {};
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: options.method ?? 'GET', headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

/** Signs in through the page's own route and returns the `USERTOKEN` the server set. */
async function signIn(userId: string): Promise<string> {
  const res = await http(`/login?userId=${userId}`);
  expect(res.status).toBe(303);
  const cookie = String(res.headers['set-cookie']);
  const token = /^USERTOKEN=([^;]*);/.exec(cookie)?.[1];
  if (!token) throw new Error(`no USERTOKEN in ${cookie}`);
  return token;
}

const asWire = (id: string, idType: WireIdType): string | number => (idType === 'number' ? Number(id) : id);

describe('opaque tokens', () => {
  test('/login sets a fresh random session, not a JWT', async () => {
    await start({ tokens: 'opaque' });
    const first = await signIn('3');
    const second = await signIn('3');
    expect(second).not.toBe(first);
    for (const token of [first, second]) {
      expect(token).toMatch(/^[A-Za-z0-9_-]{32,}$/);
      expect(token).not.toContain('.');
      expect(token).not.toBe(jwtOf('3'));
      // Nothing inside to read: not JSON claims, whatever way one decodes it.
      expect(() => {
        JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
      }).toThrow();
    }
    expect(logs.join('\n')).not.toContain(first);
  });

  test.each([
    ['a /login cookie', (): Promise<string> => signIn('1')],
    ['tokenFor', (): Promise<string> => Promise.resolve(running().tokenFor('1'))],
  ])('a socket with %s is accepted', async (_label, token) => {
    const srv = await start({ tokens: 'opaque' });
    const client = await connect(socketUrl(await token()));
    expect(await client.nextList()).toEqual(['1']);
    expect(srv.onlineIds()).toEqual(['1']);
  });

  test.each([
    ['the user’s users.json JWT', () => jwtOf('1')],
    ['a made-up session', () => 'A'.repeat(43)],
  ])('a socket with %s is refused with 4001', async (_label, token) => {
    const srv = await start({ tokens: 'opaque' });
    await refused(token());
    expect(srv.connectionCount()).toBe(0);
  });

  test('/logout ends the session: a new socket with it is refused; one already open stays', async () => {
    const srv = await start({ tokens: 'opaque' });
    const token = await signIn('1');
    const otherSession = await signIn('1');
    const open = await connect(socketUrl(token));
    await open.nextList();

    const res = await http('/logout', { method: 'POST', cookie: `USERTOKEN=${token}` });
    expect(res.status).toBe(303);
    expect(res.headers['set-cookie']).toEqual(['USERTOKEN=; Path=/; Max-Age=0; SameSite=Lax']);
    await refused(token);
    expect((await http('/api/me', { cookie: `USERTOKEN=${token}` })).status).toBe(401);

    // The host checks tokens at the handshake only; closing is the client's job.
    open.send('heart check');
    expect(await open.nextList()).toEqual(['1']);
    expect(srv.connectionCount('1')).toBe(1);
    // Only that session ended: the same user's other one still works.
    const other = await connect(socketUrl(otherSession));
    expect(await other.nextList()).toEqual(['1']);
    expect(logs.some((line) => line.includes('sign-out 1') && line.includes('session ended'))).toBe(true);
  });

  test('the directory API takes the session cookie and refuses the JWT', async () => {
    await start({ tokens: 'opaque' });
    expect((await http('/api/users', { cookie: `USERTOKEN=${await signIn('2')}` })).status).toBe(200);
    expect((await http('/api/users', { cookie: `USERTOKEN=${jwtOf('2')}` })).status).toBe(401);
  });
});

describe('tokenFor', () => {
  test('jwt: the user’s users.json token, every time', async () => {
    const srv = await start();
    expect(srv.tokenFor('2')).toBe(jwtOf('2'));
    expect(srv.tokenFor('2')).toBe(jwtOf('2'));
  });

  test('opaque: a new working session each time', async () => {
    const srv = await start({ tokens: 'opaque' });
    const [first, second] = [srv.tokenFor('2'), srv.tokenFor('2')];
    expect(first).not.toBe(second);
    expect(first).not.toBe(jwtOf('2'));
    await Promise.all([first, second].map(async (token) => (await connect(socketUrl(token))).nextList()));
    expect(srv.connectionCount('2')).toBe(2);
  });

  test.each(SHAPES)('%s, %s ids: an unknown user throws; the handle says its shape', async (tokens, idType) => {
    const srv = await start({ tokens, idType });
    expect(() => srv.tokenFor('999')).toThrow(/no user with id "999"/);
    expect({ tokens: srv.tokens, idType: srv.idType }).toEqual({ tokens, idType });
  });

  test('the defaults are jwt and string', async () => {
    const srv = await start();
    expect({ tokens: srv.tokens, idType: srv.idType }).toEqual({ tokens: 'jwt', idType: 'string' });
  });
});

describe('/api/me', () => {
  test.each(SHAPES)('%s tokens, %s ids: the signed-in user, nested the Vue admin way', async (tokens, idType) => {
    await start({ tokens, idType });
    const res = await http('/api/me', { cookie: `theme=dark; USERTOKEN=${await signIn('4')}` });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(JSON.parse(res.body)).toEqual({
      code: 20000,
      data: { id: asWire('4', idType), userName: userOf('4').name, department: userOf('4').department },
    });
    expect(res.body).not.toContain(jwtOf('4'));
  });

  test.each(
    SHAPES.flatMap(([tokens, idType]) => [
      [tokens, idType, 'no cookie', undefined],
      [tokens, idType, 'a forged token', 'USERTOKEN=forged-token-value'],
    ]),
  )('%s tokens, %s ids, %s: 401 with code 50008', async (tokens, idType, _label, cookie) => {
    await start({ tokens, idType });
    const res = await http('/api/me', cookie ? { cookie } : {});
    expect(res.status).toBe(401);
    expect(JSON.parse(res.body)).toEqual({ code: 50008, message: 'not signed in' });
  });

  test('HEAD answers without a body; POST is refused', async () => {
    await start();
    const head = await http('/api/me', { method: 'HEAD', cookie: `USERTOKEN=${jwtOf('1')}` });
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
    expect((await http('/api/me', { method: 'POST' })).status).toBe(405);
  });
});

describe('numeric ids', () => {
  test.each([
    ['ids', [1, 2]],
    [
      'objects',
      [
        { userId: 1, userName: '章三' },
        { userId: 2, userName: '李四' },
      ],
    ],
  ] as const)('online lists (%s) carry numbers', async (listFormat, expected) => {
    await start({ idType: 'number', listFormat });
    await online('1');
    const bob = await connect(socketUrl(running().tokenFor('2')));
    expect(await bob.nextList()).toEqual(expected);
    expect(bob.frames).toEqual([]);
  });

  test('a call with numeric ids is delivered with numeric Sender and Receiver', async () => {
    await start({ idType: 'number' });
    const sender = await online('1');
    const otherTab = await online('1');
    const receiver = await online('2');
    sender.send(callFrame(99, 2));
    for (const client of [receiver, otherTab]) {
      const frame = await client.next(isCall);
      expect(frame).toContain('"Sender":1,"Receiver":2,');
      const call = JSON.parse(frame) as CallJson;
      expect(call.SendTime).toMatch(DOTNET_TIME);
      expect(call.Message.Data).toEqual({ sender: '章三', type: '呼叫', receiver: '李四' });
    }
  });

  test.each([
    ['Sender is a string', '1', 2, 'Sender is a JSON string'],
    ['Receiver is a string', 1, '2', 'Receiver is a JSON string'],
    ['both are strings', '1', '2', 'Sender is a JSON string'],
    ['Receiver is beyond int', 1, 2 ** 31, 'Receiver is not a whole number in int range'],
  ])('a call whose %s is refused: nothing delivered, the reason logged', async (_label, sender, receiverId, why) => {
    await start({ idType: 'number' });
    const caller = await online('1');
    const otherTab = await online('1');
    const receiver = await online('2');
    caller.send(callFrame(sender, receiverId, 'refused'));
    caller.send(callFrame(1, 2, 'delivered'));
    // Frames keep their order: had the first been delivered, it would come first.
    for (const client of [receiver, otherTab]) {
      expect((JSON.parse(await client.next(isCall)) as CallJson).Message.Data.sender).toBe('delivered');
    }
    expect(logs.some((line) => line.includes('call from 1') && line.includes(`dropped: ${why}`))).toBe(true);
  });

  test('string mode stays lenient: numeric ids in a call are accepted and go out as strings', async () => {
    await start();
    const sender = await online('1');
    const receiver = await online('2');
    sender.send(callFrame(1, 2));
    expect(await receiver.next(isCall)).toContain('"Sender":"1","Receiver":"2",');
  });

  test('/api/users and /api/session write ids as numbers', async () => {
    const srv = await start({ idType: 'number' });
    const cookie = `USERTOKEN=${jwtOf('3')}`;
    const users = JSON.parse((await http('/api/users', { cookie })).body) as Array<{ id: unknown }>;
    expect(users.map((user) => user.id)).toEqual(srv.users.map((user) => Number(user.id)));
    const session = JSON.parse((await http('/api/session', { cookie })).body) as {
      user: { id: unknown };
      signInUsers: Array<{ id: unknown }>;
    };
    expect(session.user.id).toBe(3);
    expect(session.signInUsers.every((user) => typeof user.id === 'number')).toBe(true);
  });

  test.each([
    ['a word', 'abc'],
    ['a leading zero', '007'],
    ['a fraction', '1.5'],
    ['a number beyond int', '2147483648'],
    ['minus zero', '-0'],
  ])('a user id with %s refuses to start, naming the entry', async (_label, id) => {
    const users = [
      { id: '1', name: 'Ann', token: 'token-0001' },
      { id, name: 'Bob', token: 'token-0002' },
    ];
    await expect(startServer({ port: 0, users, idType: 'number' })).rejects.toThrow(
      `options.users: entry #1 (id ${JSON.stringify(id)}): numeric ids (--ids=number) need every id to be a whole number`,
    );
    // The same table is fine with string ids.
    await (await startServer({ port: 0, users })).close();
  });

  test('whole ids in int range, negative and zero included, are fine', async () => {
    const srv = await start({
      idType: 'number',
      users: [
        { id: '0', name: 'Zero', token: 'token-0000' },
        { id: '-7', name: 'Minus', token: 'token-0007' },
        { id: '2147483647', name: 'Max', token: 'token-9999' },
      ],
    });
    await online('-7');
    const client = await connect(socketUrl(srv.tokenFor('2147483647')));
    expect(await client.nextList()).toEqual([-7, 2147483647]);
  });
});

describe('bots', () => {
  test.each([
    ['opaque', 'number'],
    ['jwt', 'string'],
  ] as const)(
    'with %s tokens and %s ids: come online, call a human in the server’s id type, stop on abort',
    async (tokens, idType) => {
      const srv = await start({ tokens, idType });
      const human = await online('1');
      const controller = new AbortController();
      const bots = botUsers(srv.users);
      const fleet = startBots({
        server: srv,
        users: bots,
        count: 4,
        random: seededRandom(42),
        speed: 500,
        signal: controller.signal,
      });
      const frame = await human.next(isCall, 10_000);
      const call = JSON.parse(frame) as CallJson;
      expect(typeof call.Sender).toBe(idType);
      expect(bots.map((bot) => asWire(bot.id, idType))).toContain(call.Sender);
      expect(call.Receiver).toBe(asWire('1', idType));
      expect(call.Message.Data.sender).toBe(userOf(String(call.Sender)).name);
      controller.abort();
      await fleet.done;
      await srv.waitFor(() => srv.connectionCount() === 1);
      expect(fleet.online()).toEqual([]);
      // Every bot call went out in the server's type, so none was dropped as a string id.
      const botIds = new Set(bots.map((bot) => bot.id));
      const botCalls = srv.received.filter((received) => botIds.has(received.userId) && isCall(received.text));
      expect(botCalls.length).toBeGreaterThan(0);
      for (const received of botCalls)
        expect((JSON.parse(received.text) as CallJson).Receiver).toBe(asWire('1', idType));
      expect(logs.some((line) => line.includes('token refused') || line.includes('JSON string'))).toBe(false);
    },
  );

  test('a bot whose session is refused asks the server for a new one', async () => {
    const srv = await start({ tokens: 'opaque' });
    const issued: string[] = [];
    const controller = new AbortController();
    const [bot] = botUsers(srv.users);
    const fleet = startBots({
      server: {
        wsUrl: srv.wsUrl,
        idType: srv.idType,
        // The first token is one the server never issued.
        tokenFor: (userId) => (issued.push(userId) === 1 ? 'never-issued-session-token' : srv.tokenFor(userId)),
      },
      users: bot ? [bot] : [],
      count: 1,
      random: seededRandom(7),
      speed: 500,
      signal: controller.signal,
      log: (line) => logs.push(line),
    });
    await srv.waitFor(() => srv.connectionCount() === 1, 10_000);
    controller.abort();
    await fleet.done;
    expect(issued).toEqual([bot?.id, bot?.id]);
    expect(logs.some((line) => line.includes('token refused'))).toBe(true);
  });
});

describe('banner', () => {
  test.each([
    ['jwt', 'string', []],
    ['opaque', 'string', ['opaque session tokens']],
    ['jwt', 'number', ['numeric ids']],
    ['opaque', 'number', ['opaque session tokens', 'numeric ids']],
  ] as const)('%s tokens, %s ids', async (tokens, idType, mentions) => {
    const lines = describeServer(await start({ tokens, idType }), 0);
    const shape = lines.filter((line) => line.startsWith('Host shape:'));
    expect(shape).toHaveLength(mentions.length > 0 ? 1 : 0);
    for (const mention of mentions) expect(shape[0]).toContain(mention);
  });
});

import { afterEach, describe, expect, test } from 'vitest';
import { startServer, type RosterServer } from '../../dev/server/index';
import type { UserId } from '../../utils/core/protocol/schemas';
import { startBackground, type Background } from './helpers/background';
import { closeAllClients, connect, type TestClient } from './helpers/ws-client';

let server: RosterServer | undefined;
let background: Background | undefined;

afterEach(async () => {
  background?.stop();
  background = undefined;
  closeAllClients();
  await server?.close();
  server = undefined;
});

async function serve(port = 0): Promise<RosterServer> {
  server = await startServer({ port });
  return server;
}

function running(): RosterServer {
  if (!server) throw new Error('no server');
  return server;
}

/** Another user online, as a plain client of the server. */
async function colleague(userId: string): Promise<TestClient> {
  const { wsUrl, users } = running();
  const token = users.find((user) => user.id === userId)?.token ?? '';
  return connect(`${wsUrl}?token=${encodeURIComponent(token)}`);
}

function phase(bg: Background) {
  return bg.service.state().connection;
}

describe('connect and presence', () => {
  test('signed in: one socket, the online list, names from the host user list', async () => {
    const srv = await serve();
    await colleague('2');
    const bg = (background = startBackground(srv));
    bg.signIn('1');
    bg.configure();
    await srv.waitFor(() => srv.connectionCount('1') === 1);
    await expect.poll(() => bg.online()).toEqual(['1', '2']);
    expect(phase(bg)).toMatchObject({ phase: 'connected', attempt: 0 });
    expect(bg.service.state().me).toEqual({ id: '1', name: '章三', source: 'jwt' });
    await expect.poll(() => bg.service.state().names['2' as UserId]).toBe('李四');

    const third = await colleague('3');
    await expect.poll(() => bg.online()).toEqual(['1', '2', '3']);
    await third.close();
    await expect.poll(() => bg.online()).toEqual(['1', '2']);
    expect(srv.connectionCount('1')).toBe(1);
  });
});

describe('sign-in cookie', () => {
  test('no token: no attempt; login connects; logout disconnects at once and stays down', async () => {
    const srv = await serve();
    const bg = (background = startBackground(srv));
    bg.configure();
    await expect.poll(() => phase(bg)).toMatchObject({ phase: 'disconnected', reason: 'no-token' });
    expect(srv.connectionCount()).toBe(0);

    bg.signIn('1');
    await srv.waitFor(() => srv.connectionCount('1') === 1);
    await expect.poll(() => phase(bg).phase).toBe('connected');

    bg.signOut();
    await srv.waitFor(() => srv.connectionCount('1') === 0);
    await expect.poll(() => phase(bg)).toMatchObject({ phase: 'disconnected', reason: 'no-token' });
    expect(bg.online()).toEqual([]);
    expect(bg.service.state().me).toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(srv.connectionCount()).toBe(0);
  });

  test('a changed token reconnects as the new user, with the new token', async () => {
    const srv = await serve();
    const bg = (background = startBackground(srv));
    bg.signIn('1');
    bg.configure();
    await srv.waitFor(() => srv.connectionCount('1') === 1);
    bg.signIn('2');
    await srv.waitFor(() => srv.connectionCount('1') === 0 && srv.connectionCount('2') === 1);
    await expect.poll(() => bg.service.state().me?.id).toBe('2');
    await expect.poll(() => bg.online()).toEqual(['2']);
  });
});

describe('host user list', () => {
  test('configured while signed out: the refused read (401) is repeated at sign-in, not an hour later', async () => {
    const srv = await serve();
    const bg = (background = startBackground(srv));
    bg.configure();
    await expect.poll(() => phase(bg)).toMatchObject({ phase: 'disconnected', reason: 'no-token' });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(bg.service.state().names['2' as UserId]).toBeUndefined();

    bg.signIn('1');
    await expect.poll(() => bg.service.state().names['2' as UserId]).toBe('李四');
  });
});

describe('host permissions', () => {
  test('without them: no socket and a clear reason; granted: connects', async () => {
    const srv = await serve();
    let granted = false;
    const bg = (background = startBackground(srv, { granted: () => granted }));
    bg.signIn('1');
    bg.configure();
    await expect.poll(() => phase(bg)).toMatchObject({ phase: 'disconnected', reason: 'no-permission' });
    expect(bg.service.state().setup.missingOrigins).toEqual(['http://127.0.0.1/*']);
    expect(bg.sockets).toHaveLength(0);

    granted = true;
    bg.service.permissionsChanged();
    await srv.waitFor(() => srv.connectionCount('1') === 1);
    expect(bg.service.state().setup.missingOrigins).toEqual([]);

    granted = false;
    bg.service.permissionsChanged();
    await srv.waitFor(() => srv.connectionCount('1') === 0);
    await expect.poll(() => phase(bg).reason).toBe('no-permission');
  });
});

describe('presence mode', () => {
  test('not wanted (no admin page open): offline with a reason; wanted again: back online', async () => {
    const srv = await serve();
    const bg = (background = startBackground(srv));
    bg.signIn('1');
    bg.configure();
    await srv.waitFor(() => srv.connectionCount('1') === 1);
    bg.service.setOnlineWanted(false);
    await srv.waitFor(() => srv.connectionCount('1') === 0);
    expect(phase(bg)).toMatchObject({ phase: 'disconnected', reason: 'no-host-tab' });
    bg.service.setOnlineWanted(true);
    await srv.waitFor(() => srv.connectionCount('1') === 1);
  });
});

describe('failures', () => {
  test('server restart: reconnects with backoff and presence is restored', async () => {
    const srv = await serve();
    const { port } = srv;
    const bg = (background = startBackground(srv));
    bg.signIn('1');
    bg.configure();
    await colleague('2');
    await expect.poll(() => bg.online()).toEqual(['1', '2']);

    closeAllClients();
    await srv.close();
    await expect.poll(() => phase(bg)).toMatchObject({ phase: 'disconnected', reason: 'server-closed' });
    expect(phase(bg).nextRetryAt).toBeGreaterThan(Date.now() - 1_000);

    const again = await serve(port);
    await colleague('3');
    await again.waitFor(() => again.connectionCount('1') === 1, 15_000);
    await expect.poll(() => bg.online(), { timeout: 5_000 }).toEqual(['1', '3']);
    expect(phase(bg).phase).toBe('connected');
    const retries = bg.events.filter((event) => event.type === 'connection' && event.status.reason === 'server-closed');
    expect(retries.length).toBeGreaterThan(0);
  });

  test('close 4001: no retry until the token changes', async () => {
    const srv = await serve();
    const bg = (background = startBackground(srv));
    bg.signIn('1');
    bg.configure();
    await srv.waitFor(() => srv.connectionCount('1') === 1);
    let connections = 0;
    srv.on('connection', () => connections++);

    srv.kick('1', 4001, 'unauthorized');
    await expect.poll(() => phase(bg)).toMatchObject({ phase: 'disconnected', reason: 'unauthorized' });
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect(connections).toBe(0);

    bg.signIn('2');
    await srv.waitFor(() => srv.connectionCount('2') === 1);
    expect(connections).toBe(1);
  });

  test('a bad token is refused by the server (4001) and not retried', async () => {
    const srv = await serve();
    const bg = (background = startBackground(srv));
    bg.cookies.set('USERTOKEN', 'forged-token');
    let connections = 0;
    srv.on('connection', () => connections++);
    bg.configure();
    await expect.poll(() => phase(bg)).toMatchObject({ phase: 'disconnected', reason: 'unauthorized' });
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(bg.sockets).toHaveLength(1);
    expect(connections).toBe(0);
  });

  test('a 3 MiB frame and 1,000 malformed frames are dropped; the socket stays up', async () => {
    const srv = await serve();
    const bg = (background = startBackground(srv));
    bg.signIn('1');
    bg.configure();
    await srv.waitFor(() => srv.connectionCount('1') === 1);
    await expect.poll(() => bg.online()).toEqual(['1']);
    let disconnects = 0;
    srv.on('disconnect', () => disconnects++);

    // Over the default limit (2 MiB): dropped unread, and shown as a problem until the next list.
    srv.sendRaw('1', `{"Type":"Chat","Message":[${'"9",'.repeat(3 * 262_144)}"9"]}`);
    await expect.poll(() => phase(bg).listProblem?.reason).toBe('too-large');
    const garbage = [
      '',
      '{',
      'null',
      '[]',
      '{"Type":5}',
      '{"Type":"Chat","Message":"x"}',
      '{"Type":"Event"}',
      'héllo',
      '{"Type":"Nope"}',
    ];
    for (let index = 0; index < 1_000; index++) srv.sendRaw('1', garbage[index % garbage.length] ?? '');
    srv.sendRaw('1', '{"Type":"Chat","Message":["1","5"]}');

    await expect.poll(() => bg.online()).toEqual(['1', '5']);
    expect(phase(bg).listProblem).toBeUndefined();
    expect(disconnects).toBe(0);
    expect(srv.connectionCount('1')).toBe(1);
    expect(phase(bg).phase).toBe('connected');
  });
});

describe('calls', () => {
  test('a call reaches every socket of the callee as a legacy frame', async () => {
    const srv = await serve();
    const callee = await colleague('2');
    const bg = (background = startBackground(srv));
    bg.signIn('1');
    bg.configure();
    await expect.poll(() => bg.online()).toEqual(['1', '2']);
    await expect.poll(() => bg.service.state().names['2' as UserId]).toBe('李四');

    expect(bg.service.sendCall('2' as UserId)).toMatchObject({ ok: true, call: { status: 'sent' } });
    const frame = JSON.parse(await callee.next((text) => text.includes('"Event"'))) as Record<string, unknown>;
    expect(frame).toMatchObject({
      Sender: '1',
      Receiver: '2',
      Message: { Event: 'Call', Data: { sender: '章三', type: '呼叫', receiver: '李四' } },
      Type: 'Event',
    });
    expect(frame.SendTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}[+-]\d\d:\d\d$/);
  });

  /** Signed in as 1 with 2 online, then the server goes away. */
  async function serverGoneWithColleagueOnline(options: Parameters<typeof startBackground>[1] = {}) {
    const srv = await serve();
    await colleague('2');
    const bg = (background = startBackground(srv, options));
    bg.signIn('1');
    bg.configure();
    await expect.poll(() => bg.online()).toEqual(['1', '2']);
    closeAllClients();
    await srv.close();
    await expect.poll(() => phase(bg).phase).toBe('disconnected');
    return { bg, port: srv.port };
  }

  test('queued while the server is down, sent exactly once on reconnect', async () => {
    const { bg, port } = await serverGoneWithColleagueOnline();
    const result = bg.service.sendCall('2' as UserId);
    expect(result).toMatchObject({ ok: true, call: { status: 'queued' } });

    const again = await serve(port);
    const callee = await colleague('2');
    await again.waitFor(() => again.connectionCount('1') === 1, 15_000);
    await callee.next((text) => text.includes('"Event"'));
    await expect
      .poll(() => bg.service.state().calls.records.at(-1))
      .toMatchObject({ kind: 'outgoing', status: 'sent' });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(again.received.filter((frame) => frame.text.includes('"Event"'))).toHaveLength(1);
  });

  test('a queued call that cannot be sent in time fails visibly', async () => {
    const { bg } = await serverGoneWithColleagueOnline({ outbox: { capacity: 50, ttlMs: 1_000 } });
    bg.service.sendCall('2' as UserId);
    await expect
      .poll(() => bg.service.state().calls.records.at(-1))
      .toMatchObject({ kind: 'outgoing', status: 'failed', error: 'expired' });
  });
});

describe('incoming calls', () => {
  async function signedInWithCaller() {
    const srv = await serve();
    const caller = await colleague('2');
    const bg = (background = startBackground(srv));
    bg.signIn('1');
    bg.configure();
    await expect.poll(() => bg.online()).toEqual(['1', '2']);
    return { srv, caller, bg };
  }

  const callTo = (receiver: string, senderName = '李四') =>
    JSON.stringify({
      Sender: '2',
      Receiver: receiver,
      SendTime: '',
      Message: { Event: 'Call', Data: { sender: senderName, type: '呼叫', receiver: '' } },
      Type: 'Event',
    });

  test('a colleague rings me: recorded once, notified once, counted on the badge', async () => {
    const { caller, bg } = await signedInWithCaller();
    caller.send(callTo('1'));
    await expect
      .poll(() => bg.service.state().calls.records)
      .toEqual([
        expect.objectContaining({ kind: 'incoming', peerId: '2', peerName: '李四', status: 'ringing', seen: false }),
      ]);
    await bg.service.callsSettled();
    expect(bg.calls.notified).toHaveLength(1);
    expect(bg.calls.badge.at(-1)).toBe(1);
  });

  test('the same call delivered twice (a replay) is shown once', async () => {
    const { srv, bg } = await signedInWithCaller();
    const frame = JSON.stringify({
      Sender: '2',
      Receiver: '1',
      SendTime: '2026-11-25T09:00:00.1234567+08:00',
      Message: { Event: 'Call', Data: { sender: '李四', type: '呼叫', receiver: '章三' } },
      Type: 'Event',
    });
    srv.sendRaw('1', frame);
    srv.sendRaw('1', frame);
    await expect.poll(() => bg.service.state().calls.records.length).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 300));
    await bg.service.callsSettled();
    expect(bg.service.state().calls.records).toHaveLength(1);
    expect(bg.calls.notified).toHaveLength(1);
  });

  test('Do Not Disturb applies to the very next call, before the saved setting comes back', async () => {
    const { caller, bg } = await signedInWithCaller();
    await bg.service.setDoNotDisturb(true);
    caller.send(callTo('1'));
    await expect
      .poll(() => bg.service.state().calls.records)
      .toEqual([expect.objectContaining({ peerId: '2', status: 'missed' })]);
    await bg.service.callsSettled();
    expect(bg.calls.notified).toHaveLength(0);
    expect(bg.service.state().doNotDisturb).toBe(true);
  });

  test('my own call echoed from my other session is not an incoming call', async () => {
    const { srv, bg } = await signedInWithCaller();
    const mySecondTab = await colleague('1');
    mySecondTab.send(
      JSON.stringify({
        Sender: '1',
        Receiver: '2',
        SendTime: '',
        Message: { Event: 'Call', Data: { sender: '章三', type: '呼叫', receiver: '李四' } },
        Type: 'Event',
      }),
    );
    await srv.waitFor(() => srv.received.some((frame) => frame.userId === '1' && frame.text.includes('"Event"')));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(bg.service.state().calls.records).toEqual([]);
    expect(bg.calls.notified).toHaveLength(0);
  });
});

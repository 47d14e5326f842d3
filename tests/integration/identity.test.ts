import { afterEach, describe, expect, test } from 'vitest';
import { startServer, type RosterServer, type ServerOptions } from '../../dev/server/index';
import type { CallRecord } from '../../utils/core/calls/records';
import type { UserId } from '../../utils/core/protocol/schemas';
import type { Settings } from '../../utils/core/settings/schema';
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

const id = (value: string) => value as UserId;

async function serve(options: ServerOptions = {}): Promise<RosterServer> {
  server = await startServer({ port: 0, ...options });
  return server;
}

/** A colleague's own client (or the host app's socket of the same user), signed in as the server signs people in. */
function client(srv: RosterServer, userId: string): Promise<TestClient> {
  return connect(`${srv.wsUrl}?token=${encodeURIComponent(srv.tokenFor(userId))}`);
}

function callFrame(from: string | number, to: string | number): string {
  return JSON.stringify({
    Sender: from,
    Receiver: to,
    SendTime: '',
    Message: { Event: 'Call', Data: { sender: '', type: '呼叫', receiver: '' } },
    Type: 'Event',
  });
}

/** Signed in as `userId` with these identity settings; resolves once Roster's socket is open. */
async function signedIn(
  srv: RosterServer,
  userId: string,
  identity: Partial<Settings['identity']> = {},
  connection: Partial<Settings['connection']> = {},
) {
  const bg = (background = startBackground(srv));
  bg.signIn(userId);
  bg.configure({
    identity: { ...bg.settings.identity, ...identity },
    connection: { ...bg.settings.connection, ...connection },
  });
  await srv.waitFor(() => srv.connectionCount(userId) >= 1);
  return bg;
}

const incoming = (bg: Background) =>
  bg.service.state().calls.records.filter((record: CallRecord) => record.kind === 'incoming');

describe('an opaque session token (no JWT claims)', () => {
  test('the "who am I" address names me; calls arrive once and go out with my id', async () => {
    const srv = await serve({ tokens: 'opaque' });
    const li = await client(srv, '2');
    const bg = await signedIn(srv, '1', { url: `${srv.httpUrl}/api/me` });
    await expect.poll(() => bg.service.state().me).toEqual({ id: '1', name: '章三', source: 'url' });
    expect(bg.service.state().identity.sources.jwt).toEqual({ state: 'failed', problem: 'not-jwt' });

    li.send(callFrame('2', '1'));
    await expect.poll(() => incoming(bg)).toHaveLength(1);
    expect(incoming(bg)[0]).toMatchObject({ peerId: '2', status: 'ringing' });
    expect(bg.calls.notified).toHaveLength(1);

    await expect.poll(() => bg.online()).toContain('2');
    expect(bg.service.sendCall(id('2'))).toMatchObject({ ok: true });
    const frame = JSON.parse(await li.next((text) => text.includes('"Event"'))) as {
      Sender: unknown;
      Receiver: unknown;
    };
    expect(frame).toMatchObject({ Sender: '1', Receiver: '2' });
  });

  test('a path is taken on the sign-in site', async () => {
    const srv = await serve({ tokens: 'opaque' });
    const bg = await signedIn(srv, '4', { url: '/api/me' });
    await expect.poll(() => bg.service.state().me).toMatchObject({ id: '4', source: 'url' });
  });

  test('with no source at all: calls still arrive once, calls out are refused with the reason', async () => {
    const srv = await serve({ tokens: 'opaque' });
    const li = await client(srv, '2');
    const bg = await signedIn(srv, '1', { learn: false, url: '' });
    await expect.poll(() => bg.online()).toEqual(['1', '2']);
    expect(bg.service.state().me).toBeNull();
    expect(bg.service.sendCall(id('2'))).toEqual({ ok: false, refusal: 'unknown-identity' });

    li.send(callFrame('2', '1'));
    await expect.poll(() => incoming(bg)).toHaveLength(1);
    expect(bg.calls.notified).toHaveLength(1);
    expect(bg.service.state().me).toBeNull();
    // Nothing was ever sent with an empty or guessed Sender.
    expect(srv.received.filter((frame) => frame.userId === '1' && frame.text.includes('"Event"'))).toEqual([]);
  });

  test('learned from the online lists: once only I have been online all along', async () => {
    const srv = await serve({ tokens: 'opaque' });
    const li = await client(srv, '2');
    const bg = await signedIn(srv, '1', { url: '' });
    await expect.poll(() => bg.online()).toEqual(['1', '2']);
    expect(bg.service.state().me).toBeNull();
    expect(bg.service.state().identity.ambiguity).toEqual({ why: 'several', count: 2 });
    await li.close();
    await expect.poll(() => bg.service.state().me).toEqual({ id: '1', name: '', source: 'learned' });
    expect(bg.service.sendCall(id('2'))).toEqual({ ok: false, refusal: 'callee-offline' });
  });

  test('learned from a call that can only be for me', async () => {
    const srv = await serve({ tokens: 'opaque' });
    await client(srv, '3');
    const bg = await signedIn(srv, '1', { url: '' });
    await expect.poll(() => bg.online()).toEqual(['1', '3']);
    const li = await client(srv, '2');
    await expect.poll(() => bg.online()).toEqual(['1', '2', '3']);
    li.send(callFrame('2', '1'));
    await expect.poll(() => incoming(bg)).toHaveLength(1);
    expect(bg.service.state().me).toMatchObject({ id: '1', source: 'learned' });
  });

  test('another person signing in on this browser: nothing found for the first is applied to them', async () => {
    const srv = await serve({ tokens: 'opaque' });
    const bg = await signedIn(srv, '1', { url: '/api/me' });
    await expect.poll(() => bg.service.state().me?.id).toBe('1');
    bg.signIn('2');
    await srv.waitFor(() => srv.connectionCount('2') === 1);
    await expect.poll(() => bg.service.state().me).toMatchObject({ id: '2', name: '李四', source: 'url' });
  });

  test("my own call from another session of mine (the host app's socket) is not a call to me once I am known", async () => {
    const srv = await serve({ tokens: 'opaque' });
    const li = await client(srv, '2');
    const bg = await signedIn(srv, '1', { url: '/api/me' });
    await expect.poll(() => bg.service.state().me?.id).toBe('1');
    const hostApp = await client(srv, '1');
    hostApp.send(callFrame('1', '2'));
    await li.next((text) => text.includes('"Event"'));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(incoming(bg)).toEqual([]);
  });
});

describe('a server with numeric ids', () => {
  test('calls go out as numbers, which a strictly typed server accepts', async () => {
    const srv = await serve({ idType: 'number' });
    const li = await client(srv, '2');
    const bg = await signedIn(srv, '1');
    await expect.poll(() => bg.online()).toEqual(['1', '2']);
    expect(bg.service.sendCall(id('2'))).toMatchObject({ ok: true });
    const frame = JSON.parse(await li.next((text) => text.includes('"Event"'))) as {
      Sender: unknown;
      Receiver: unknown;
    };
    expect(frame).toMatchObject({ Sender: 1, Receiver: 2 });
    const sent = srv.received.find((received) => received.userId === '1' && received.text.includes('"Event"'));
    expect(sent?.text).toContain('"Sender":1,"Receiver":2');

    li.send(callFrame(2, 1));
    await expect.poll(() => incoming(bg)).toHaveLength(1);
    expect(incoming(bg)[0]).toMatchObject({ peerId: '2' });
  });

  test('forcing text ids against it shows why the setting exists: the server drops the call', async () => {
    const srv = await serve({ idType: 'number' });
    const li = await client(srv, '2');
    const bg = await signedIn(srv, '1', {}, { idType: 'string' });
    await expect.poll(() => bg.online()).toEqual(['1', '2']);
    expect(bg.service.sendCall(id('2'))).toMatchObject({ ok: true });
    await expect(li.next((text) => text.includes('"Event"'), 800)).rejects.toThrow();
  });

  test('opaque tokens, numeric ids and a "who am I" answering a number: the whole realistic host', async () => {
    const srv = await serve({ tokens: 'opaque', idType: 'number' });
    const li = await client(srv, '2');
    const bg = await signedIn(srv, '1', { url: '/api/me' });
    await expect.poll(() => bg.service.state().me).toMatchObject({ id: '1', source: 'url' });
    await expect.poll(() => bg.online()).toEqual(['1', '2']);
    expect(bg.service.sendCall(id('2'))).toMatchObject({ ok: true });
    const frame = JSON.parse(await li.next((text) => text.includes('"Event"'))) as {
      Sender: unknown;
      Receiver: unknown;
    };
    expect(frame).toMatchObject({ Sender: 1, Receiver: 2 });
  });
});

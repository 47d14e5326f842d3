import { afterEach, describe, expect, test } from 'vitest';
import { startServer, type RosterServer } from '../../dev/server/index';
import type { UserId } from '../../utils/core/protocol/schemas';
import { startBackground, type Background } from './helpers/background';
import { closeAllClients, connect, type TestClient } from './helpers/ws-client';

/** Calls about a page (issue 17) through the reference server, to and from clients that know nothing of it. */

let server: RosterServer | undefined;
const backgrounds: Background[] = [];

afterEach(async () => {
  for (const background of backgrounds.splice(0)) background.stop();
  closeAllClients();
  await server?.close();
  server = undefined;
});

async function serve(): Promise<RosterServer> {
  server = await startServer({ port: 0 });
  return server;
}

/** A legacy client: reads and writes only the recipe's frames. */
async function legacyClient(srv: RosterServer, userId: string): Promise<TestClient> {
  const token = srv.users.find((user) => user.id === userId)?.token ?? '';
  return connect(`${srv.wsUrl}?token=${encodeURIComponent(token)}`);
}

async function signedIn(srv: RosterServer, userId: string, online: string[]): Promise<Background> {
  const background = startBackground(srv);
  backgrounds.push(background);
  background.signIn(userId);
  background.configure();
  await expect.poll(() => background.online()).toEqual(online);
  return background;
}

const legacyCall = (data: Record<string, unknown>) =>
  JSON.stringify({
    Sender: '2',
    Receiver: '1',
    SendTime: '',
    Message: { Event: 'Call', Data: { sender: '李四', type: '呼叫', receiver: '章三', ...data } },
    Type: 'Event',
  });

const dataOf = async (client: TestClient) =>
  (JSON.parse(await client.next((text) => text.includes('"Event"'))) as { Message: { Data: unknown } }).Message.Data;

describe('calls about a page, through the reference server', () => {
  test('sent with the page and a note: a legacy callee gets them as extra Data fields, the legacy ones unchanged', async () => {
    const srv = await serve();
    const callee = await legacyClient(srv, '2');
    const bg = await signedIn(srv, '1', ['1', '2']);
    const page = { url: `${srv.httpUrl}/orders/42?tab=refund`, title: '订单 42 <b>' };
    expect(bg.service.sendCall('2' as UserId, { page, note: ' 退款的事\n ' })).toMatchObject({
      ok: true,
      call: { context: { url: page.url, title: page.title, note: '退款的事' } },
    });
    expect(await dataOf(callee)).toEqual({
      sender: '章三',
      type: '呼叫',
      receiver: '李四',
      url: page.url,
      title: page.title,
      note: '退款的事',
    });
  });

  test('the server passes fields it does not know through unchanged, in their order', async () => {
    const srv = await serve();
    const callee = await legacyClient(srv, '1');
    const caller = await legacyClient(srv, '2');
    const extra = { url: 'https://elsewhere.test/x', title: 'T', note: 'n', ticket: { id: 7 } };
    caller.send(legacyCall(extra));
    const data = await dataOf(callee);
    expect(data).toEqual({ sender: '李四', type: '呼叫', receiver: '章三', ...extra });
    expect(Object.keys(data as object)).toEqual(['sender', 'type', 'receiver', 'url', 'title', 'note', 'ticket']);
  });

  test('a page of another site is never sent, nor its title; the note is', async () => {
    const srv = await serve();
    const callee = await legacyClient(srv, '2');
    const bg = await signedIn(srv, '1', ['1', '2']);
    bg.service.sendCall('2' as UserId, { page: { url: 'https://evil.test/login', title: 'Sign in' }, note: 'hi' });
    expect(await dataOf(callee)).toEqual({ sender: '章三', type: '呼叫', receiver: '李四', note: 'hi' });
  });

  test('with page context turned off, no address or title goes on the wire', async () => {
    const srv = await serve();
    const callee = await legacyClient(srv, '2');
    const bg = await signedIn(srv, '1', ['1', '2']);
    const page = { url: `${srv.httpUrl}/orders/42`, title: 'Order 42' };
    expect(bg.service.pageForCalls(page)).toEqual(page);
    bg.configure({ calls: { pageContext: false } });
    await expect.poll(() => bg.service.pageForCalls(page)).toBeNull();
    bg.service.sendCall('2' as UserId, { page });
    expect(await dataOf(callee)).toEqual({ sender: '章三', type: '呼叫', receiver: '李四' });
  });
});

describe('calls about a page, received', () => {
  test('from another Roster: recorded with what it is about, and its page may be opened', async () => {
    const srv = await serve();
    const callee = await signedIn(srv, '2', ['2']);
    const caller = await signedIn(srv, '1', ['1', '2']);
    const url = `${srv.httpUrl}/orders/42`;
    caller.service.sendCall('2' as UserId, { page: { url, title: 'Order 42' }, note: 'refund?' });
    await expect
      .poll(() => callee.service.state().calls.records.at(-1))
      .toMatchObject({ kind: 'incoming', peerId: '1', context: { url, title: 'Order 42', note: 'refund?' } });
    const id = callee.service.state().calls.records.at(-1)?.id ?? '';
    expect(callee.service.callPage(id)).toBe(url);
    await callee.service.callsSettled();
    expect(callee.calls.notified.at(-1)).toMatchObject({ context: { title: 'Order 42' } });
  });

  test.each([
    ['a legacy client (no fields): shown as before', {}, undefined],
    [
      'an address outside the sites: dropped, the title and note kept as text',
      { url: 'https://evil.test/login', title: 'Sign in again', note: 'urgent' },
      { title: 'Sign in again', note: 'urgent' },
    ],
    ['a javascript: address: dropped', { url: 'javascript:alert(1)' }, undefined],
    ['hostile types: dropped, the call kept', { url: 7, title: { a: 1 }, note: ['x'] }, undefined],
  ])('from %s', async (_, data, context) => {
    const srv = await serve();
    const caller = await legacyClient(srv, '2');
    const bg = await signedIn(srv, '1', ['1', '2']);
    caller.send(legacyCall(data));
    await expect.poll(() => bg.service.state().calls.records).toHaveLength(1);
    const [record] = bg.service.state().calls.records;
    expect(record).toMatchObject({ kind: 'incoming', peerId: '2', peerName: '李四', status: 'ringing' });
    expect(record?.context).toEqual(context);
    expect(bg.service.callPage(record?.id ?? '')).toBeUndefined();
  });

  test('an address of the site is kept, and opened only while the site is still configured', async () => {
    const srv = await serve();
    const caller = await legacyClient(srv, '2');
    const bg = await signedIn(srv, '1', ['1', '2']);
    const url = `${srv.httpUrl}/users/7`;
    caller.send(legacyCall({ url, title: 'User 7' }));
    await expect.poll(() => bg.service.state().calls.records).toHaveLength(1);
    const id = bg.service.state().calls.records[0]?.id ?? '';
    expect(bg.service.callPage(id)).toBe(url);
    bg.configure({ sites: { ...bg.settings.sites, matches: ['https://other.example/*'] } });
    await expect.poll(() => bg.service.callPage(id)).toBeUndefined();
  });
});

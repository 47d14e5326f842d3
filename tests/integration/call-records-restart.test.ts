import { afterEach, expect, test } from 'vitest';
import { startServer, type RosterServer } from '../../dev/server/index';
import type { UserId } from '../../utils/core/protocol/schemas';
import { startBackground, type Background } from './helpers/background';
import { closeAllClients, connect, type TestClient } from './helpers/ws-client';

/**
 * The background core stopped with a call in its queue, as Chrome stops an idle service worker,
 * and a new one started from the call log the first had saved, against the real server.
 */

const servers: RosterServer[] = [];
const backgrounds: Background[] = [];
const callee = '2' as UserId;
const isCall = (text: string) => text.includes('"Event":"Call"');

afterEach(async () => {
  for (const background of backgrounds.splice(0)) background.stop();
  closeAllClients();
  for (const server of servers.splice(0)) await server.close();
});

async function serve(port = 0): Promise<RosterServer> {
  const server = await startServer({ port });
  servers.push(server);
  return server;
}

async function colleague(server: RosterServer, userId: string): Promise<TestClient> {
  return connect(`${server.wsUrl}?token=${encodeURIComponent(server.tokenFor(userId))}`);
}

function signedIn(server: RosterServer, options: Parameters<typeof startBackground>[1]): Background {
  const background = startBackground(server, options);
  backgrounds.push(background);
  background.signIn('1');
  background.configure();
  return background;
}

test('a call queued when the worker stops fails as "restarted" in the next worker, whose calls get new ids; the callee is rung once', async () => {
  // One id source across both lives, as crypto.randomUUID() is; the old counter restarted at "1".
  let ids = 0;
  const newCallId = () => `call-${String(++ids)}`;
  const server = await serve();
  await colleague(server, '2');
  const first = signedIn(server, { newCallId });
  await expect.poll(() => first.online()).toEqual(['1', '2']);
  expect(first.service.sendCall(callee)).toMatchObject({ ok: true, call: { id: 'call-1', status: 'sent' } });

  closeAllClients();
  await server.close();
  await expect.poll(() => first.service.state().connection.phase).toBe('disconnected');
  expect(first.service.sendCall(callee)).toMatchObject({ ok: true, call: { id: 'call-2', status: 'queued' } });
  await first.service.callsSettled();
  // Killed: no clean stop runs, so storage keeps the log as last saved, the call still "queued".
  const savedAtKill = first.calls.saved.at(-1);
  expect(savedAtKill?.records.at(-1)).toMatchObject({ id: 'call-2', status: 'queued' });
  first.stop();

  const back = await serve(server.port);
  const reachable = await colleague(back, '2');
  const second = signedIn(back, { newCallId, ...(savedAtKill ? { history: savedAtKill } : {}) });
  expect(second.service.state().calls.records).toEqual([
    expect.objectContaining({ id: 'call-1', status: 'sent' }),
    expect.objectContaining({ id: 'call-2', status: 'failed', error: 'restarted' }),
  ]);
  await expect.poll(() => second.online()).toEqual(['1', '2']);
  expect(second.service.sendCall(callee)).toMatchObject({ ok: true, call: { id: 'call-3', status: 'sent' } });
  await reachable.next(isCall);
  await new Promise((resolve) => setTimeout(resolve, 500));
  expect(back.received.filter((frame) => isCall(frame.text))).toHaveLength(1);
  expect(second.service.state().calls.records.map((record) => [record.id, record.status])).toEqual([
    ['call-1', 'sent'],
    ['call-2', 'failed'],
    ['call-3', 'sent'],
  ]);
});

import { afterEach, describe, expect, test } from 'vitest';
import { startServer, type RosterServer } from '../../dev/server/index';
import { encodeOnlineList, type OnlineListFormat } from '../../utils/core/protocol/encode';
import type { OnlineUser, UserId } from '../../utils/core/protocol/schemas';
import { defaultSettings } from '../../utils/core/settings/validate';
import { startBackground, type Background } from './helpers/background';

let server: RosterServer | undefined;
let background: Background | undefined;

afterEach(async () => {
  background?.stop();
  background = undefined;
  await server?.close();
  server = undefined;
});

/** 20,000 colleagues and me, as a big organisation's server lists them. */
const users = (count: number): OnlineUser[] => [
  { id: '1' as UserId, name: '章三' },
  ...Array.from({ length: count }, (_, index) => ({
    id: String(100_000 + index) as UserId,
    name: `用户 User ${index}`,
  })),
];

async function connected(maxFrameKiB?: number): Promise<{ srv: RosterServer; bg: Background }> {
  const srv = (server = await startServer({ port: 0 }));
  const bg = (background = startBackground(srv));
  bg.signIn('1');
  bg.configure(maxFrameKiB === undefined ? {} : { connection: { ...defaultSettings().connection, maxFrameKiB } });
  await expect.poll(() => bg.online()).toEqual(['1']);
  return { srv, bg };
}

describe('big honest online lists', () => {
  test.each<[OnlineListFormat]>([['ids'], ['objects']])(
    '20,000 online as %s: taken whole with the default settings',
    async (format) => {
      const { srv, bg } = await connected();
      srv.sendRaw('1', encodeOnlineList(users(20_000), format));
      await expect.poll(() => bg.service.state().presence.online.length, { timeout: 10_000 }).toBe(20_001);
      expect(bg.service.state().connection).toMatchObject({ phase: 'connected' });
      expect(bg.service.state().connection.listProblem).toBeUndefined();
    },
  );

  test('a list over the limit is a problem every view sees, until a usable list comes', async () => {
    const { srv, bg } = await connected(64);
    const big = encodeOnlineList(users(20_000), 'objects');
    srv.sendRaw('1', big);
    await expect
      .poll(() => bg.service.state().connection.listProblem)
      .toEqual({
        reason: 'too-large',
        bytes: Buffer.byteLength(big),
        limitBytes: 64 * 1024,
        at: expect.any(Number) as number,
      });
    expect(bg.service.state().connection.phase).toBe('connected');
    expect(bg.events).toContainEqual({
      type: 'connection',
      status: expect.objectContaining({ listProblem: expect.objectContaining({ reason: 'too-large' }) }),
    });

    srv.sendRaw('1', '{"Type":"Chat","Message":["1","5"]}');
    await expect.poll(() => bg.online()).toEqual(['1', '5']);
    expect(bg.service.state().connection.listProblem).toBeUndefined();
  });

  test('an online list that is not a list is a problem too; a broken call is not', async () => {
    const { srv, bg } = await connected();
    srv.sendRaw('1', '{"Type":"Event","Sender":"2"}');
    srv.sendRaw('1', '{"Type":"Chat","Message":"everyone"}');
    await expect
      .poll(() => bg.service.state().connection.listProblem)
      .toEqual({ reason: 'invalid', at: expect.any(Number) as number });
  });

  test('raising the limit starts over without the problem', async () => {
    const { srv, bg } = await connected(64);
    srv.sendRaw('1', encodeOnlineList(users(20_000), 'ids'));
    await expect.poll(() => bg.service.state().connection.listProblem?.reason).toBe('too-large');
    bg.configure();
    await srv.waitFor(() => bg.sockets.length === 2 && srv.connectionCount('1') === 1);
    await expect
      .poll(() => bg.service.state().connection)
      .toEqual({ phase: 'connected', since: expect.any(Number) as number, attempt: 0 });
  });
});

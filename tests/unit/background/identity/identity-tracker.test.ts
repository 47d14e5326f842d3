import { describe, expect, test, vi } from 'vitest';
import { IdentityTracker, type IdentityDeps } from '../../../../utils/background/identity/identity-tracker';
import type { NamedId } from '../../../../utils/core/identity/identity-json';
import type { PageReading } from '../../../../utils/core/identity/page-reading';
import { hashToken } from '../../../../utils/background/identity/token-hash';
import type { UserId } from '../../../../utils/core/protocol/schemas';
import type { IdentitySettings } from '../../../../utils/core/settings/schema';
import { defaultSettings } from '../../../../utils/core/settings/validate';
import { fakeJwt } from '../../../helpers/fake-cookies';

const SITE = 'https://admin.example.com/';
const id = (value: string) => value as UserId;
const base = defaultSettings().identity;
const withUrl: IdentitySettings = { ...base, url: '/api/user/info' };
const withPage: IdentitySettings = { ...base, pageKey: 'vuex' };

/** Answers for the "who am I" address, per token, as the host would (401 without a session). */
type Answer = { status: number; body: string; redirected?: boolean };

function world(
  settings: IdentitySettings,
  answers: (token: string | undefined) => Answer = () => ({ status: 404, body: '' }),
) {
  let now = 1_000_000;
  let token: string | undefined;
  const learned = new Map<string, NamedId>();
  const fetched: string[] = [];
  const changes = vi.fn();
  const asked = vi.fn();
  const deps: IdentityDeps = {
    fetch: (input) => {
      fetched.push(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
      const answer = answers(token);
      const response = new Response(answer.body, {
        status: answer.status,
        headers: { 'Content-Type': 'application/json' },
      });
      if (answer.redirected) Object.defineProperty(response, 'redirected', { value: true });
      return Promise.resolve(response);
    },
    timers: { setTimeout: (callback, ms) => setTimeout(callback, ms), clearTimeout: (handle) => clearTimeout(handle) },
    clock: { now: () => now },
    hashToken,
    learned: {
      get: (hash) => Promise.resolve(learned.get(hash)),
      set: (hash, user) => {
        learned.set(hash, user);
        return Promise.resolve();
      },
    },
  };
  const tracker = new IdentityTracker(deps, settings, SITE, { changed: changes, askPages: asked });
  return {
    tracker,
    fetched,
    learned,
    changes,
    asked,
    /** A sign-in (or sign-out) as the run reports it; resolves once every answer is in. */
    async signIn(next: string | undefined) {
      token = next;
      tracker.token(next);
      await vi
        .waitFor(() => expect(tracker.status().sources.url.state).not.toBe('waiting'), { timeout: 1_000 })
        .catch(() => undefined);
      await new Promise((resolve) => setTimeout(resolve, 10));
    },
    advance(ms: number) {
      now += ms;
    },
  };
}

const me = (tracker: IdentityTracker) => tracker.me();
const page = (value: unknown, name = ''): PageReading => ({
  ok: true,
  id: value as string,
  name,
  spot: 'localStorage',
});

describe('sources, tried in order', () => {
  test('a JWT names me; the "who am I" address is not even asked', async () => {
    const w = world(withUrl);
    await w.signIn(fakeJwt({ sub: '7', name: '李四' }));
    expect(me(w.tracker)).toEqual({ id: '7', name: '李四', source: 'jwt' });
    expect(w.fetched).toEqual([]);
    expect(w.tracker.status().sources.url).toEqual({ state: 'unused' });
  });

  test('an opaque token and a "who am I" address answering nested JSON', async () => {
    const w = world(withUrl, () => ({ status: 200, body: '{"code":20000,"data":{"id":1,"userName":"章三"}}' }));
    await w.signIn('opaque-session-0001');
    expect(w.fetched).toEqual(['https://admin.example.com/api/user/info']);
    expect(me(w.tracker)).toEqual({ id: '1', name: '章三', source: 'url' });
    expect(w.tracker.status().sources.jwt).toEqual({ state: 'failed', problem: 'not-jwt' });
  });

  test.each([
    ['401 (signed out on the host)', { status: 401, body: '{"code":50008}' }, { problem: 'http', status: 401 }],
    ['an HTML page', { status: 200, body: '<!doctype html><title>Login</title>' }, { problem: 'not-json' }],
    ['a redirect to the login page', { status: 200, body: '<html>', redirected: true }, { problem: 'redirected' }],
    [
      'JSON without the fields',
      { status: 200, body: '{"code":20000,"data":{"roles":["admin"]}}' },
      { problem: 'no-id' },
    ],
    ['a huge body', { status: 200, body: `{"pad":"${'x'.repeat(300 * 1024)}"}` }, { problem: 'too-large' }],
  ] as const)(
    '"who am I" answering %s: a clear status, nobody guessed, nothing thrown',
    async (_, answer, expected) => {
      const w = world(withUrl, () => answer);
      await w.signIn('opaque-session-0001');
      expect(me(w.tracker)).toBeUndefined();
      expect(w.tracker.status().sources.url).toMatchObject({ state: 'failed', ...expected });
    },
  );

  test('the page: believed from a signed-in tab, and its name kept', async () => {
    const w = world(withPage);
    await w.signIn('opaque-session-0001');
    w.tracker.page(page(1, '章三'));
    expect(me(w.tracker)).toEqual({ id: '1', name: '章三', source: 'page', spot: 'localStorage' });
  });

  test('a page reading while signed out is ignored', () => {
    const w = world(withPage);
    w.tracker.page(page('1'));
    expect(me(w.tracker)).toBeUndefined();
  });

  test('a failed page reading does not undo a good one from another tab', async () => {
    const w = world(withPage);
    await w.signIn('opaque-session-0001');
    w.tracker.page(page('1'));
    w.tracker.page({ ok: false, problem: 'not-json', spot: 'localStorage' });
    expect(me(w.tracker)?.id).toBe('1');
  });

  test.each([
    ['not JSON', { ok: false, problem: 'not-json', spot: 'localStorage' } as const, 'not-json'],
    ['an id that is not one', page('   '), 'bad-id'],
    ['a float', page(1.5), 'bad-id'],
  ])('a page value that is %s: a status, no identity', async (_, reading, problem) => {
    const w = world(withPage);
    await w.signIn('opaque-session-0001');
    w.tracker.page(reading);
    expect(me(w.tracker)).toBeUndefined();
    expect(w.tracker.status().sources.page).toMatchObject({ state: 'failed', problem });
  });

  test('a page naming a different user every second is not believed for a while; the last good one stays', async () => {
    const w = world(withPage);
    await w.signIn('opaque-session-0001');
    for (let second = 0; second < 10; second++) {
      w.tracker.page(page(String(second + 1)));
      w.advance(1_000);
    }
    expect(w.tracker.status().sources.page).toMatchObject({ state: 'failed', problem: 'unstable' });
    const kept = me(w.tracker)?.id;
    expect(kept).toBe('4');
    w.tracker.page(page('99'));
    expect(me(w.tracker)?.id).toBe(kept);
    w.advance(5 * 60_000);
    w.tracker.page(page('99'));
    expect(me(w.tracker)?.id).toBe('99');
  });

  test('a page naming someone who was never in our online lists is not believed', async () => {
    const w = world(withPage);
    await w.signIn('opaque-session-0001');
    w.tracker.onlineList(new Set([id('1'), id('2')]), true);
    w.tracker.page(page('9'));
    expect(me(w.tracker)).toBeUndefined();
    expect(w.tracker.status().sources.page).toMatchObject({ state: 'failed', problem: 'not-in-lists' });
  });

  test('learned from the server last, never over a configured source', async () => {
    const w = world({ ...base, userId: '5' });
    await w.signIn('opaque-session-0001');
    w.tracker.onlineList(new Set([id('3')]), true);
    expect(me(w.tracker)).toMatchObject({ id: '5', source: 'settings' });
    expect(w.tracker.status().sources.learned).toMatchObject({ state: 'found', id: '3' });
  });
});

describe('bound to the token', () => {
  test('another person signing in drops what was found for the last one, and the pages are asked again', async () => {
    const answers = new Map([
      ['token-of-one', '{"data":{"id":"1","name":"章三"}}'],
      ['token-of-two', '{"data":{"id":"2","name":"李四"}}'],
    ]);
    const w = world({ ...withUrl, pageKey: 'vuex' }, (token) => ({
      status: 200,
      body: answers.get(token ?? '') ?? '{}',
    }));
    await w.signIn('token-of-one');
    w.tracker.onlineList(new Set([id('1')]), true);
    expect(me(w.tracker)).toMatchObject({ id: '1', source: 'url' });
    w.asked.mockClear();
    w.tracker.token('token-of-two');
    // At once: nothing of the first sign-in is applied to the second person.
    expect(me(w.tracker)).toBeUndefined();
    await w.signIn('token-of-two');
    expect(me(w.tracker)).toMatchObject({ id: '2', source: 'url' });
    expect(w.tracker.status().sources.learned).not.toMatchObject({ state: 'found', id: '1' });
    expect(w.asked).toHaveBeenCalled();
  });

  test('signing out forgets everything', async () => {
    const w = world(withPage);
    await w.signIn('opaque-session-0001');
    w.tracker.page(page('1'));
    await w.signIn(undefined);
    expect(me(w.tracker)).toBeUndefined();
    expect(w.tracker.snapshot()).toBeUndefined();
  });

  test('what was learned is stored under a hash of the token, never the token, and comes back for the same sign-in', async () => {
    const token = 'opaque-session-0001';
    const w = world(base);
    await w.signIn(token);
    w.tracker.onlineList(new Set([id('3')]), true);
    expect([...w.learned.keys()]).toEqual([await hashToken(token)]);
    expect(JSON.stringify([...w.learned])).not.toContain(token);

    const again = world(base);
    again.learned.set(await hashToken(token), { id: id('3'), name: '' });
    await again.signIn(token);
    await vi.waitFor(() => expect(me(again.tracker)).toMatchObject({ id: '3', source: 'learned' }));
    await again.signIn('another-session-02');
    expect(me(again.tracker)).toBeUndefined();
  });

  test('a restarted worker keeps its snapshot for the same token, and drops it for another', async () => {
    const token = 'opaque-session-0001';
    const w = world(withPage);
    await w.signIn(token);
    w.tracker.page(page('1', '章三'));
    const snapshot = w.tracker.snapshot();
    expect(snapshot?.tokenHash).toBe(await hashToken(token));

    const restart = (next: string | undefined) => {
      const tracker = new IdentityTracker(
        {
          fetch: () => Promise.reject(new Error('offline')),
          timers: { setTimeout, clearTimeout },
          clock: { now: () => 0 },
          hashToken,
          learned: { get: () => Promise.resolve(undefined), set: () => Promise.resolve() },
        },
        withPage,
        SITE,
        { changed: () => undefined, askPages: () => undefined },
        snapshot,
      );
      tracker.token(next);
      return tracker;
    };
    const same = restart(token);
    await vi.waitFor(() => expect(same.snapshot()?.tokenHash).toBe(snapshot?.tokenHash));
    expect(same.me()).toMatchObject({ id: '1', source: 'page' });
    const other = restart('someone-else-000');
    const otherHash = await hashToken('someone-else-000');
    await vi.waitFor(() => expect(other.snapshot()?.tokenHash).toBe(otherHash));
    expect(other.me()).toBeUndefined();
    expect(restart(undefined).me()).toBeUndefined();
  });
});

describe('learned, then ruled out', () => {
  test('an identity learned in an earlier session that the lists rule out is forgotten', async () => {
    const token = 'opaque-session-0001';
    const w = world(base);
    w.learned.set(await hashToken(token), { id: id('9'), name: '' });
    await w.signIn(token);
    await vi.waitFor(() => expect(me(w.tracker)).toMatchObject({ id: '9', source: 'learned' }));
    w.tracker.onlineList(new Set([id('1'), id('2')]), true);
    expect(me(w.tracker)).toBeUndefined();
    w.tracker.onlineList(new Set([id('1')]), true);
    expect(me(w.tracker)).toMatchObject({ id: '1', source: 'learned' });
  });
});

describe('sorting calls', () => {
  test('with nobody known a call is for me, and teaches who I am', async () => {
    const w = world(base);
    await w.signIn('opaque-session-0001');
    expect(w.tracker.classify({ senderId: id('2'), receiverId: id('1') })).toEqual({ kind: 'incoming' });
    expect(me(w.tracker)).toMatchObject({ id: '1', source: 'learned' });
  });

  test('the echo of a call this browser just sent is not an incoming call', async () => {
    const w = world({ ...base, userId: 'typo' });
    await w.signIn('opaque-session-0001');
    w.tracker.sent(id('2'));
    expect(w.tracker.classify({ senderId: id('1'), receiverId: id('2') }).kind).toBe('echo');
  });

  test('a call for someone else than who I am configured as: shown, and the status says so', async () => {
    const w = world({ ...base, mode: 'manual', userId: '5' });
    await w.signIn('opaque-session-0001');
    expect(w.tracker.classify({ senderId: id('2'), receiverId: id('1') })).toEqual({
      kind: 'incoming',
      mismatch: true,
    });
    expect(w.tracker.status().mismatch).toMatchObject({ receiverId: '1' });
    expect(me(w.tracker)?.id).toBe('5');
  });
});

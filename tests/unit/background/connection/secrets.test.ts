import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { describeClose, redact } from '../../../../utils/background/connection/close-text';
import { tokenUrl } from '../../../../utils/background/connection/token-url';
import { connect } from './fakes';

/** Cookie-safe tokens, as hosts issue them (JWTs and opaque session strings). */
const tokens = fc.stringMatching(/^[A-Za-z0-9._~+/=-]{8,120}$/);

/** Whether any run of 7 or more of the token's first characters is in `text`. */
function leaks(text: string, token: string): boolean {
  return text.includes(token.slice(0, 7));
}

describe('redact', () => {
  test.each([
    ['the whole token', 'bad token abcdefghij here', 'abcdefghij', 'bad token [token] here'],
    ['a prefix the server cut short', 'invalid token abcdefg…', 'abcdefghij', 'invalid token [token]…'],
    ['twice', 'abcdefghij/abcdefghij', 'abcdefghij', '[token]/[token]'],
    ['six characters alone are just text', 'abcdef is fine', 'abcdefghij', 'abcdef is fine'],
    ['nothing to hide', 'going away', 'abcdefghij', 'going away'],
  ])('%s', (_, text, token, expected) => {
    expect(redact(text, [token])).toBe(expected);
  });

  test('no prefix longer than 6 characters of the token survives, whatever surrounds it', () => {
    fc.assert(
      fc.property(tokens, fc.string(), fc.string(), fc.integer({ min: 7, max: 200 }), (token, before, after, cut) => {
        const text = `${before}${token.slice(0, cut)}${after}${token}`;
        expect(leaks(redact(text, [token]), token)).toBe(false);
      }),
    );
  });

  test('the close reason is redacted before it is cut to one line: a token at the limit does not leak in part', () => {
    fc.assert(
      fc.property(tokens, fc.integer({ min: 0, max: 120 }), (token, padding) => {
        const reason = `${'x'.repeat(padding)} ${token}`;
        expect(leaks(describeClose(4001, reason, 10, [token]), token)).toBe(false);
      }),
    );
  });
});

describe('tokenUrl: the token goes to the configured server or nowhere', () => {
  test.each([
    ['the legacy form', 'ws://admin.example/ws', 'ws://admin.example/ws?token=t0ken-123'],
    ['with a query already', 'wss://admin.example:8443/ws?v=2', 'wss://admin.example:8443/ws?v=2&token=t0ken-123'],
  ])('%s', (_, serverUrl, url) => {
    expect(tokenUrl(serverUrl, 't0ken-123')).toEqual({ ok: true, url });
  });

  test.each([
    ['not a URL', 'admin.example/ws'],
    ['http', 'http://admin.example/ws'],
    ['credentials in it', 'ws://user:pass@admin.example/ws'],
    ['a fragment, where the token would follow', 'ws://admin.example/ws#'],
    ['a token already', 'ws://admin.example/ws?token=other'],
  ])('refused: %s', (_, serverUrl) => {
    expect(tokenUrl(serverUrl, 't0ken-123')).toMatchObject({ ok: false });
  });

  test('whatever the token, the address keeps the configured scheme, host and port', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 200 }), (token) => {
        const result = tokenUrl('wss://admin.example:8443/ws', token);
        if (!result.ok) return;
        const url = new URL(result.url);
        expect([url.protocol, url.hostname, url.port, url.searchParams.get('token')]).toEqual([
          'wss:',
          'admin.example',
          '8443',
          token,
        ]);
      }),
    );
  });
});

describe('what views see of the connection never holds the token', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  test('a close reason quoting the token, whole or cut', async () => {
    await fc.assert(
      fc.asyncProperty(
        tokens,
        fc.string({ maxLength: 100 }),
        fc.integer({ min: 7, max: 120 }),
        async (token, said, cut) => {
          const world = connect();
          world.token.value = token;
          const socket = await world.connected();
          socket.serverClose(4001, `${said} ${token.slice(0, cut)}`);
          const shown = JSON.stringify(world.changes.map((change) => change.to));
          world.life.abort();
          expect(leaks(shown, token)).toBe(false);
        },
      ),
      { numRuns: 50 },
    );
  });

  test('a socket constructor that quotes the whole address in its error', async () => {
    const world = connect();
    world.token.value = 'eyJhbGciOiJIUzI1NiJ9.payload.sig';
    world.factory.error = new SyntaxError(
      `Failed to construct 'WebSocket': The URL 'wss://host.example/ws?token=${world.token.value}' is invalid.`,
    );
    await world.start();
    const shown = JSON.stringify(world.changes.map((change) => change.to));
    expect(shown).toContain('[token]');
    expect(leaks(shown, world.token.value)).toBe(false);
    world.life.abort();
  });

  test('a tampered address: the token is not sent, and the status says why', async () => {
    const world = connect({ options: { serverUrl: 'wss://host.example/ws#' } });
    await world.start();
    expect(world.sockets).toEqual([]);
    expect(world.changes.at(-1)?.to).toMatchObject({
      phase: 'disconnected',
      reason: 'not-configured',
      lastError: 'the server address has a #fragment',
    });
    world.life.abort();
  });
});

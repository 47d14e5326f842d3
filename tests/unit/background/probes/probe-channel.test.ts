import { expect, test, vi } from 'vitest';
import { serveProbes } from '../../../../utils/background/probes/probes';
import type { ConnectionProbeDeps } from '../../../../utils/background/probes/connection-probe';
import type { IdentityProbeDeps } from '../../../../utils/background/probes/identity-probe';
import { probesOverPorts, ProbeError } from '../../../../utils/pages/options/probe-client';
import { PROBE_PORT } from '../../../../utils/core/messages/options-background-probes';
import { defaultSettings } from '../../../../utils/core/settings/validate';
import { FakeCookies } from '../../../helpers/fake-cookies';
import { portPair } from '../../../helpers/port-pair';

const self = { extensionId: 'roster', extensionOrigin: 'chrome-extension://roster/' };

function deps(): ConnectionProbeDeps & IdentityProbeDeps {
  return {
    readPages: () => Promise.resolve([]),
    learnedNow: () => Promise.resolve({ state: 'waiting' }),
    createSocket: vi.fn(() => {
      throw new Error('no sockets in this test');
    }),
    cookies: new FakeCookies(),
    fetch: vi.fn(),
    timers: { setTimeout: (callback, ms) => setTimeout(callback, ms), clearTimeout: (handle) => clearTimeout(handle) },
    missingOrigins: (origins) => Promise.resolve([...origins]),
  };
}

const connection = () => {
  const { identity, connection: link } = defaultSettings();
  return {
    probe: 'connection' as const,
    serverUrl: 'wss://corp/ws',
    auth: { cookieUrl: 'https://corp/', cookieName: 'USERTOKEN' },
    identity,
    connection: link,
  };
};

function client(sender: { id?: string; url?: string }) {
  const serve = serveProbes(deps(), self);
  return probesOverPorts((name) => {
    const { view, background } = portPair(name, sender);
    serve(background);
    return view;
  });
}

test('an extension page asks, the background answers in words; no token either way', async () => {
  const probes = client({ id: 'roster', url: 'chrome-extension://roster/options.html' });
  await expect(probes.connection(connection(), new AbortController().signal)).resolves.toEqual({
    outcome: 'no-permission',
    origins: ['https://corp/*'],
  });
  await expect(
    probes.directory(
      { probe: 'directory', directory: { ...defaultSettings().directory, url: '' } },
      new AbortController().signal,
    ),
  ).resolves.toEqual({
    outcome: 'not-configured',
  });
  await expect(
    probes.identity(
      {
        probe: 'identity',
        auth: { cookieUrl: 'https://corp/', cookieName: 'USERTOKEN' },
        identity: defaultSettings().identity,
      },
      new AbortController().signal,
    ),
  ).resolves.toEqual({
    outcome: 'no-permission',
    origins: ['https://corp/*'],
  });
});

test.each([
  ['a content script in a host page', { id: 'roster', url: 'https://corp/users' }],
  ['another extension', { id: 'someone-else', url: 'chrome-extension://someone-else/page.html' }],
])('%s is refused', async (_, sender) => {
  const probes = client(sender);
  await expect(probes.connection(connection(), new AbortController().signal)).rejects.toThrow(ProbeError);
});

test('a malformed request gets an error, not a crash', async () => {
  const serve = serveProbes(deps(), self);
  const { view, background } = portPair(PROBE_PORT, { id: 'roster', url: 'chrome-extension://roster/options.html' });
  serve(background);
  const replies: unknown[] = [];
  view.onMessage.addListener((message) => replies.push(message));
  view.postMessage({ probe: 'connection', serverUrl: 'http://not-ws' });
  await expect.poll(() => replies).toEqual([{ ok: false, error: 'malformed test request' }]);
});

test('cancelling (the page closing) rejects at once', async () => {
  const probes = client({ id: 'roster', url: 'chrome-extension://roster/options.html' });
  const stop = new AbortController();
  const pending = probes.connection(connection(), stop.signal);
  stop.abort();
  await expect(pending).rejects.toThrow('cancelled');
});

import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { connectRoster, type RosterClient } from '../../../../utils/core/roster-client';
import { serveViews } from '../../../../utils/background/ports/hub';
import type { PortLike } from '../../../../utils/core/port';
import { PORT_NAME } from '../../../../utils/core/messages/background-to-view';
import type { UserId } from '../../../../utils/core/protocol/schemas';
import { RosterService } from '../../../../utils/background/service/service';
import { defaultSettings } from '../../../../utils/core/settings/validate';
import { HostTabs } from '../../../../utils/background/ports/host-tabs';
import { ActiveTabs } from '../../../../utils/background/ports/active-tabs';
import type { Timers, TimerHandle } from '../../../../utils/core/timers';
import { fakeIdentityDeps } from '../../../helpers/fake-identity-deps';
import { fakeCallDeps } from '../../../helpers/fake-call-deps';
import { FakeCookies, fakeJwt } from '../../../helpers/fake-cookies';
import { portPair } from '../../../helpers/port-pair';
import { FakeNetwork, FakeSocket } from '../connection/fakes';
import { realTimers } from '../../../helpers/real-timers';

const EXTENSION = { extensionId: 'roster-ext', extensionOrigin: 'chrome-extension://roster-ext/' };
const POPUP = { id: 'roster-ext', url: 'chrome-extension://roster-ext/popup.html' };
const HOST_TAB = { id: 'roster-ext', url: 'http://admin.example/users' };
const timers = realTimers;
const id = (value: string) => value as UserId;

let life: AbortController;
let sockets: FakeSocket[];
let service: RosterService;
let hub: (port: PortLike) => void;

/** The service the hub serves; `activeHostTab` is the tab a call's toast goes to (none by default). */
function startService(activeHostTab: () => Promise<number | null> = () => Promise.resolve(null)): RosterService {
  const cookies = new FakeCookies();
  cookies.set('USERTOKEN', fakeJwt({ sub: '1', name: '章三' }));
  const started = new RosterService(
    {
      ...fakeCallDeps().deps,
      ...fakeIdentityDeps().deps,
      activeHostTab,
      createSocket: (url) => {
        const socket = new FakeSocket(url);
        sockets.push(socket);
        return socket;
      },
      cookies,
      fetch: () => Promise.reject(new Error('no directory in this test')),
      timers,
      clock: { now: () => Date.now() },
      random: () => 0.5,
      network: new FakeNetwork(),
    },
    defaultSettings(),
  );
  started.configure({
    ...defaultSettings(),
    serverUrl: 'ws://server.test/ws',
    auth: { cookieUrl: 'http://admin.example/', cookieName: 'USERTOKEN' },
  });
  return started;
}

beforeEach(() => {
  life = new AbortController();
  sockets = [];
  service = startService();
  hub = serveViews(Promise.resolve(service), EXTENSION, new HostTabs());
});

afterEach(() => {
  life.abort();
  service.stop();
});

async function connectedServer(): Promise<FakeSocket> {
  await expect.poll(() => sockets.length).toBe(1);
  const socket = sockets[0]!;
  socket.open();
  socket.receive('{"Type":"Chat","Message":["1","2",{"userId":"3","userName":"王五"}]}');
  return socket;
}

function view(sender: PortLike['sender'], opened: PortLike[] = []): RosterClient {
  return connectRoster(
    {
      connect: () => {
        const pair = portPair(PORT_NAME, sender);
        hub(pair.background);
        opened.push(pair.background);
        return pair.view;
      },
      timers,
    },
    life.signal,
  );
}

describe('an extension page', () => {
  test('gets the whole state at once, then live changes', async () => {
    const socket = await connectedServer();
    const popup = view(POPUP);
    await expect.poll(() => popup.state?.presence.online).toEqual(['1', '2', '3']);
    expect(popup.state).toMatchObject({
      connection: { phase: 'connected' },
      me: { id: '1', name: '章三' },
      names: { 3: '王五' },
    });
    socket.receive('{"Type":"Chat","Message":["2","3","4"]}');
    await expect.poll(() => popup.state?.presence.online).toEqual(['2', '3', '4']);
  });

  test('calls someone: the legacy frame goes out and the status comes back', async () => {
    const socket = await connectedServer();
    const popup = view(POPUP);
    await expect.poll(() => popup.state).toBeDefined();
    const result = await popup.request({ op: 'sendCall', to: id('3') });
    expect(result).toMatchObject({ ok: true, call: { peerId: '3', status: 'sent' } });
    expect(JSON.parse(socket.sent.at(-1)!)).toEqual({
      Sender: '1',
      Receiver: '3',
      SendTime: '',
      Message: { Event: 'Call', Data: { sender: '章三', type: '呼叫', receiver: '王五' } },
      Type: 'Event',
    });
    await expect
      .poll(() => popup.state?.calls.records)
      .toEqual([expect.objectContaining({ kind: 'outgoing', peerId: '3', status: 'sent' })]);
  });

  test.each([
    ['an offline user', '9', 'callee-offline'],
    ['myself', '1', 'self'],
  ])('refuses to call %s', async (_, to, refusal) => {
    await connectedServer();
    const popup = view(POPUP);
    await expect.poll(() => popup.state).toBeDefined();
    expect(await popup.request({ op: 'sendCall', to: id(to) })).toEqual({ ok: false, refusal });
  });

  test('reconnects when the background goes away and gets a fresh state', async () => {
    await connectedServer();
    const ports: PortLike[] = [];
    const popup = view(POPUP, ports);
    await expect.poll(() => popup.state).toBeDefined();
    ports[0]!.disconnect();
    await expect.poll(() => ports.length).toBe(2);
    expect(await popup.request({ op: 'snapshot' })).toMatchObject({ presence: { online: ['1', '2', '3'] } });
  });
});

describe('a content script in a host page', () => {
  test('sees presence and names but not my calls', async () => {
    await connectedServer();
    const popup = view(POPUP);
    const tab = view(HOST_TAB);
    await expect.poll(() => tab.state?.presence.online).toEqual(['1', '2', '3']);
    await popup.request({ op: 'sendCall', to: id('2') });
    await expect.poll(() => popup.state?.calls.records.length).toBe(1);
    expect(tab.state?.calls.records).toEqual([]);
    expect(await tab.request({ op: 'snapshot' })).toMatchObject({ calls: { records: [] } });
  });

  test('a page with no rows may ask for quiet: no presence or names changes, until it asks again and resyncs', async () => {
    const socket = await connectedServer();
    const tab = view(HOST_TAB);
    await expect.poll(() => tab.state?.presence.online).toEqual(['1', '2', '3']);
    const events: string[] = [];
    tab.subscribe((_, event) => events.push(event.type), life.signal);
    await tab.request({ op: 'quiet', on: true });
    socket.receive('{"Type":"Chat","Message":["1","2",{"userId":"3","userName":"王五"},"4"]}');
    await tab.request({ op: 'learnNames', names: [[id('5'), 'Eve']] });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(events.filter((type) => type === 'presence' || type === 'names')).toEqual([]);
    expect(tab.state?.presence.online).toEqual(['1', '2', '3']);
    await tab.request({ op: 'quiet', on: false });
    tab.resync();
    await expect.poll(() => tab.state?.presence.online).toEqual(['1', '2', '3', '4']);
    expect(tab.state?.names[id('5')]).toBe('Eve');
    socket.receive('{"Type":"Chat","Message":["1","2","4"]}');
    await expect.poll(() => tab.state?.presence.online).toEqual(['1', '2', '4']);
    expect(events).toContain('presence');
  });

  test('may teach names but may not steer the connection', async () => {
    await connectedServer();
    const tab = view(HOST_TAB);
    await expect.poll(() => tab.state).toBeDefined();
    await tab.request({ op: 'learnNames', names: [[id('2'), '李四']] });
    await expect.poll(() => tab.state?.names[id('2')]).toBe('李四');
    await expect(tab.request({ op: 'retryNow' })).rejects.toThrow('retryNow is not allowed from a content');
  });
});

describe('tabs behind the one shown', () => {
  /** The hub's hold timer, fired by hand: a tab behind others gets nothing until then. */
  function manualTimers(): Timers & { fire(): void } {
    const pending = new Map<TimerHandle, () => void>();
    return {
      setTimeout(callback) {
        const handle = setTimeout(() => undefined, 0);
        pending.set(handle, callback);
        return handle;
      },
      clearTimeout: (handle) => void pending.delete(handle),
      fire() {
        const due = [...pending.values()];
        pending.clear();
        for (const callback of due) callback();
      },
    };
  }

  function hubWithActiveTabs() {
    const activeTabs = new ActiveTabs();
    activeTabs.found([{ tabId: 7, windowId: 1 }]);
    const hold = manualTimers();
    hub = serveViews(Promise.resolve(service), { ...EXTENSION, activeTabs, timers: hold }, new HostTabs());
    const shown = view({ ...HOST_TAB, tab: { id: 7 }, frameId: 0 });
    const behind = view({ ...HOST_TAB, tab: { id: 8 }, frameId: 0 });
    return { activeTabs, hold, shown, behind };
  }

  const bothSee = async (tabs: RosterClient[], online: string[]) => {
    for (const tab of tabs) await expect.poll(() => tab.state?.presence.online).toEqual(online);
  };

  test('the shown tab gets a presence change at once, the others when the hold ends', async () => {
    const socket = await connectedServer();
    const { hold, shown, behind } = hubWithActiveTabs();
    await bothSee([shown, behind], ['1', '2', '3']);
    socket.receive('{"Type":"Chat","Message":["1","2",{"userId":"3","userName":"王五"},"4"]}');
    await expect.poll(() => shown.state?.presence.online).toEqual(['1', '2', '3', '4']);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(behind.state?.presence.online).toEqual(['1', '2', '3']);
    hold.fire();
    await expect.poll(() => behind.state?.presence.online).toEqual(['1', '2', '3', '4']);
  });

  test('a tab brought to the front gets what it waited for at once, in order', async () => {
    const socket = await connectedServer();
    const { activeTabs, shown, behind } = hubWithActiveTabs();
    await bothSee([shown, behind], ['1', '2', '3']);
    socket.receive('{"Type":"Chat","Message":["1","2",{"userId":"3","userName":"王五"},"4"]}');
    socket.receive('{"Type":"Chat","Message":["1",{"userId":"3","userName":"王五"},"4"]}');
    await expect.poll(() => shown.state?.presence.online).toEqual(['1', '3', '4']);
    expect(behind.state?.presence.online).toEqual(['1', '2', '3']);
    activeTabs.activated(8, 1);
    await expect.poll(() => behind.state?.presence.online).toEqual(['1', '3', '4']);
  });

  test('a call reaches a tab behind others at once, after the changes it held', async () => {
    const socket = await connectedServer();
    const { behind, shown } = hubWithActiveTabs();
    await bothSee([shown, behind], ['1', '2', '3']);
    const seen: string[] = [];
    behind.subscribe((state, event) => {
      if (event.type === 'presence') seen.push(`presence ${state.presence.online.join(',')}`);
      if (event.type === 'ring') seen.push('ring');
    }, life.signal);
    socket.receive('{"Type":"Chat","Message":["1","2",{"userId":"3","userName":"王五"},"4"]}');
    socket.receive(
      JSON.stringify({
        Sender: '4',
        Receiver: '1',
        SendTime: '2026-11-25T10:00:00.0000000+08:00',
        Message: { Event: 'Call', Data: { sender: '', type: '呼叫', receiver: '' } },
        Type: 'Event',
      }),
    );
    await expect.poll(() => seen).toEqual(['presence 1,2,3,4', 'ring']);
  });
});

describe('who I am, from a host page', () => {
  const vuexSettings = () => {
    const settings = defaultSettings();
    return {
      ...settings,
      serverUrl: 'ws://server.test/ws',
      auth: { cookieUrl: 'http://admin.example/', cookieName: 'USERTOKEN' },
      identity: { ...settings.identity, pageKey: 'vuex', learn: false },
    };
  };
  const reading = { ok: true, id: 7, name: '李四', spot: 'localStorage' } as const;

  beforeEach(() => {
    // An opaque session token: only the page can say who I am.
    service.stop();
    sockets = [];
    const cookies = new FakeCookies();
    cookies.set('USERTOKEN', 'opaque-session-token-1');
    service = new RosterService(
      {
        ...fakeCallDeps().deps,
        ...fakeIdentityDeps().deps,
        createSocket: (url) => {
          const socket = new FakeSocket(url);
          sockets.push(socket);
          return socket;
        },
        cookies,
        fetch: () => Promise.reject(new Error('no fetch in this test')),
        timers,
        clock: { now: () => Date.now() },
        random: () => 0.5,
        network: new FakeNetwork(),
      },
      defaultSettings(),
    );
    service.configure(vuexSettings());
    hub = serveViews(Promise.resolve(service), EXTENSION, new HostTabs());
  });

  test('a tab of the configured site may say who is signed in; pages hear the result, host pages only the name of it', async () => {
    await expect.poll(() => sockets.length).toBe(1);
    const popup = view(POPUP);
    const tab = view(HOST_TAB);
    await expect.poll(() => tab.state).toBeDefined();
    await tab.request({ op: 'reportIdentity', reading });
    await expect.poll(() => popup.state?.me).toEqual({ id: '7', name: '李四', source: 'page', spot: 'localStorage' });
    expect(popup.state?.identity.sources.page).toMatchObject({ state: 'found', id: '7' });
    await expect.poll(() => tab.state?.me?.id).toBe('7');
    expect(tab.state?.identity.sources.page).toEqual({ state: 'off' });
  });

  test('a page of another site has no say', async () => {
    await expect.poll(() => sockets.length).toBe(1);
    const popup = view(POPUP);
    const stray = view({ id: 'roster-ext', url: 'https://elsewhere.example/phish' });
    await expect.poll(() => stray.state).toBeDefined();
    await stray.request({ op: 'reportIdentity', reading });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(popup.state?.me).toBeNull();
  });

  test('an extension page may not pose as a host page', async () => {
    const popup = view(POPUP);
    await expect.poll(() => popup.state).toBeDefined();
    await expect(popup.request({ op: 'reportIdentity', reading })).rejects.toThrow(
      'reportIdentity is not allowed from a page',
    );
  });

  test('a reading that is not one is refused at the door', async () => {
    const pair = portPair(PORT_NAME, HOST_TAB);
    const replies: unknown[] = [];
    pair.view.onMessage.addListener((reply) => replies.push(reply));
    hub(pair.background);
    pair.view.postMessage({
      type: 'request',
      id: 1,
      request: { op: 'reportIdentity', reading: { ok: true, id: 'x'.repeat(129), name: '', spot: 'localStorage' } },
    });
    pair.view.postMessage({
      type: 'request',
      id: 2,
      request: { op: 'reportIdentity', reading: { ok: true, id: { toString: 1 }, name: '', spot: 'cookie' } },
    });
    pair.view.postMessage({ type: 'request', id: 99, request: { op: 'snapshot' } });
    await expect.poll(() => replies.some((reply) => (reply as { id?: number }).id === 99)).toBe(true);
    expect(replies.filter((reply) => (reply as { type: string }).type === 'reply')).toHaveLength(1);
  });
});

describe('a host page’s limits', () => {
  test('at most five calls a minute from a page; the sixth is refused and never sent', async () => {
    const socket = await connectedServer();
    const tab = view(HOST_TAB);
    await expect.poll(() => tab.state).toBeDefined();
    const sentBefore = socket.sent.length;
    const results = [];
    for (let index = 0; index < 6; index++) results.push(await tab.request({ op: 'sendCall', to: id('2') }));
    expect(results.slice(0, 5).every((result) => result.ok)).toBe(true);
    expect(results[5]).toEqual({ ok: false, refusal: 'too-many' });
    expect(socket.sent.length - sentBefore).toBe(5);
  });

  test('a page may not answer or dismiss a call it was not shown', async () => {
    const socket = await connectedServer();
    const popup = view(POPUP);
    const tab = view(HOST_TAB);
    await expect.poll(() => tab.state).toBeDefined();
    socket.receive(
      JSON.stringify({
        Sender: '2',
        Receiver: '1',
        SendTime: '2026-11-25T10:00:00.0000000+08:00',
        Message: { Event: 'Call', Data: { sender: '李四', type: '呼叫', receiver: '章三' } },
        Type: 'Event',
      }),
    );
    await expect.poll(() => popup.state?.calls.records.length).toBe(1);
    const callId = popup.state!.calls.records[0]!.id;
    // No active host tab in this test: the call was toasted nowhere.
    expect(await tab.request({ op: 'callBack', id: callId })).toEqual({ ok: false, refusal: 'unknown-call' });
    await tab.request({ op: 'dismissCall', id: callId });
    expect(popup.state?.calls.records[0]).toMatchObject({ status: 'ringing' });
  });
});

describe('calls about a page', () => {
  const TAB = { ...HOST_TAB, tab: { id: 7 }, frameId: 0 };
  const dataSent = (socket: FakeSocket) =>
    (JSON.parse(socket.sent.at(-1)!) as { Message: { Data: Record<string, unknown> } }).Message.Data;

  /** A hub whose browser tabs are `active` (the popup's) and that records what it opens; calls toast in tab 7. */
  function hubWithPages(active: { url?: string; title?: string } | undefined) {
    service.stop();
    sockets = [];
    service = startService(() => Promise.resolve(7));
    const opened: string[] = [];
    hub = serveViews(
      Promise.resolve(service),
      {
        ...EXTENSION,
        loadPart: () => Promise.resolve(),
        pages: {
          active: () => Promise.resolve(active),
          open: (url) => {
            opened.push(url);
            return Promise.resolve();
          },
        },
      },
      new HostTabs(),
    );
    return { opened };
  }

  const ringAbout = (url: string) =>
    JSON.stringify({
      Sender: '2',
      Receiver: '1',
      SendTime: '2026-11-25T10:00:00.0000000+08:00',
      Message: { Event: 'Call', Data: { sender: '李四', type: '呼叫', receiver: '章三', url, title: 'User 7' } },
      Type: 'Event',
    });

  test.each([
    ['its own page, moved on by the app', 'http://admin.example/users/7#edit', true],
    ['another page of its origin', 'http://admin.example/orders/1', true],
    ['a page of another origin', 'http://other.example/users/7', false],
  ])('a host page may say a call is about %s', async (_, url, kept) => {
    const socket = await connectedServer();
    const tab = view(HOST_TAB);
    await expect.poll(() => tab.state).toBeDefined();
    await tab.request({ op: 'sendCall', to: id('2'), page: { url, title: 'Here' }, note: 'n' });
    expect(dataSent(socket)).toEqual({
      sender: '章三',
      type: '呼叫',
      receiver: '',
      ...(kept ? { url, title: 'Here' } : {}),
      note: 'n',
    });
  });

  test.each([
    [
      'a page of the site',
      { url: 'http://admin.example/orders/42', title: 'Order 42' },
      { url: 'http://admin.example/orders/42', title: 'Order 42' },
    ],
    ['another site', { url: 'https://evil.test/', title: 'Evil' }, null],
    ['no address (a tab Roster may not read)', { title: 'Something' }, null],
    ['no tab', undefined, null],
  ])('the popup over %s', async (_, active, page) => {
    hubWithPages(active);
    await connectedServer();
    const popup = view(POPUP);
    await expect.poll(() => popup.state).toBeDefined();
    expect(await popup.request({ op: 'activePage' })).toEqual(page);
  });

  test('a call back from the popup is about the page and carries the note, as a new call would', async () => {
    hubWithPages(undefined);
    const socket = await connectedServer();
    const popup = view(POPUP);
    await expect.poll(() => popup.state).toBeDefined();
    socket.receive(ringAbout('http://admin.example/users/7'));
    await expect.poll(() => popup.state?.calls.records.length).toBe(1);
    const ring = popup.state!.calls.records[0]!;
    const page = { url: 'http://admin.example/orders/42', title: 'Order 42' };
    const result = await popup.request({ op: 'callBack', id: ring.id, page, note: 'about yours' });
    expect(result.ok).toBe(true);
    expect(dataSent(socket)).toEqual({ sender: '章三', type: '呼叫', receiver: '', ...page, note: 'about yours' });
    await expect
      .poll(() => popup.state?.calls.records.find((record) => record.id === ring.id))
      .toMatchObject({ status: 'answered' });
  });

  test('a host page may not ask what the active tab is', async () => {
    hubWithPages({ url: 'http://admin.example/x', title: 'X' });
    await connectedServer();
    const tab = view(TAB);
    await expect.poll(() => tab.state).toBeDefined();
    await expect(tab.request({ op: 'activePage' })).rejects.toThrow(/not allowed/);
  });

  test('Open: the page of a call the tab was shown, once it is a site page; not a call it was not shown', async () => {
    const { opened } = hubWithPages(undefined);
    const socket = await connectedServer();
    const popup = view(POPUP);
    const toastTab = view(TAB);
    const otherTab = view({ ...HOST_TAB, tab: { id: 8 }, frameId: 0 });
    await expect.poll(() => toastTab.state && otherTab.state).toBeDefined();
    const rings: string[] = [];
    toastTab.subscribe((_, event) => {
      if (event.type === 'ring' && event.toast) rings.push(event.call.id);
    }, life.signal);
    socket.receive(ringAbout('http://admin.example/users/7'));
    await expect.poll(() => rings).toHaveLength(1);
    const callId = rings[0]!;
    expect(await otherTab.request({ op: 'openCallPage', id: callId })).toEqual({ opened: false });
    expect(opened).toEqual([]);
    expect(await toastTab.request({ op: 'openCallPage', id: callId })).toEqual({ opened: true });
    expect(await popup.request({ op: 'openCallPage', id: callId })).toEqual({ opened: true });
    expect(opened).toEqual(['http://admin.example/users/7', 'http://admin.example/users/7']);
  });

  test('Open: a call about another site has no page to open, from anywhere', async () => {
    const { opened } = hubWithPages(undefined);
    const socket = await connectedServer();
    const popup = view(POPUP);
    await expect.poll(() => popup.state).toBeDefined();
    socket.receive(ringAbout('https://evil.test/login'));
    await expect.poll(() => popup.state?.calls.records.length).toBe(1);
    const record = popup.state!.calls.records[0]!;
    expect(record.context).toEqual({ title: 'User 7' });
    expect(await popup.request({ op: 'openCallPage', id: record.id })).toEqual({ opened: false });
    expect(opened).toEqual([]);
  });
});

describe('the call toasts’ script', () => {
  const TAB = { ...HOST_TAB, tab: { id: 7 }, frameId: 0 };
  const ringFrom = (sender: string) =>
    JSON.stringify({
      Sender: sender,
      Receiver: '1',
      SendTime: `2026-11-25T10:00:0${sender}.0000000+08:00`,
      Message: { Event: 'Call', Data: { sender: '', type: '呼叫', receiver: '' } },
      Type: 'Event',
    });

  /** A hub whose script loads wait for `finish`; calls ring in tab 7. */
  function hubWithToasts(outcome: 'loads' | 'refused') {
    service.stop();
    sockets = [];
    service = startService(() => Promise.resolve(7));
    const loads: [string, number, number][] = [];
    const gate: { open?: () => void } = {};
    const loaded = new Promise<void>((resolve) => (gate.open = resolve));
    hub = serveViews(
      Promise.resolve(service),
      {
        ...EXTENSION,
        loadPart: (part, tabId, frameId) => {
          loads.push([part, tabId, frameId]);
          return loaded.then(() => (outcome === 'refused' ? Promise.reject(new Error('Cannot access')) : undefined));
        },
      },
      new HostTabs(),
    );
    return { loads, finish: () => gate.open?.() };
  }

  function heard(client: RosterClient): string[] {
    const events: string[] = [];
    client.subscribe((_, event) => {
      if (event.type === 'ring') events.push(`ring from ${event.call.callerId}, toast ${String(event.toast)}`);
      if (event.type === 'names') events.push('names');
    }, life.signal);
    return events;
  }

  test('is loaded into the toast frame before its first toast, once, and what follows waits for it', async () => {
    const { loads, finish } = hubWithToasts('loads');
    const socket = await connectedServer();
    const tab = view(TAB);
    const popup = view(POPUP);
    await expect.poll(() => tab.state && popup.state).toBeDefined();
    const events = heard(tab);
    socket.receive(ringFrom('2'));
    await expect.poll(() => loads).toEqual([['call-toasts', 7, 0]]);
    const settle = () => new Promise((resolve) => setTimeout(resolve, 20));
    socket.receive(ringFrom('3'));
    await settle();
    socket.receive('{"Type":"Chat","Message":["1",{"userId":"2","userName":"李四"}]}');
    await settle();
    expect(events).toEqual([]);
    finish();
    await expect.poll(() => events).toEqual(['ring from 2, toast true', 'ring from 3, toast true', 'names']);
    expect(loads).toHaveLength(1);
  });

  test('a frame that refuses the script still hears of the call, and it is not tried again', async () => {
    const { loads, finish } = hubWithToasts('refused');
    finish();
    const socket = await connectedServer();
    const tab = view(TAB);
    await expect.poll(() => tab.state).toBeDefined();
    const events = heard(tab);
    socket.receive(ringFrom('2'));
    socket.receive(ringFrom('3'));
    await expect.poll(() => events).toEqual(['ring from 2, toast true', 'ring from 3, toast true']);
    expect(loads).toEqual([['call-toasts', 7, 0]]);
  });

  test('a host frame may ask for the hover card: loaded into that frame once; an extension page may not ask', async () => {
    const { loads, finish } = hubWithToasts('loads');
    finish();
    await connectedServer();
    const tab = view({ ...HOST_TAB, tab: { id: 7 }, frameId: 3 });
    const popup = view(POPUP);
    await expect.poll(() => tab.state && popup.state).toBeDefined();
    expect(await tab.request({ op: 'loadPart', part: 'hover-card' })).toBeNull();
    expect(await tab.request({ op: 'loadPart', part: 'hover-card' })).toBeNull();
    await expect(popup.request({ op: 'loadPart', part: 'hover-card' })).rejects.toThrow(/not allowed/);
    expect(loads).toEqual([['hover-card', 7, 3]]);
  });

  test('extension pages and frames that show no toast never get it', async () => {
    const { loads, finish } = hubWithToasts('loads');
    finish();
    const socket = await connectedServer();
    const popup = view(POPUP);
    const otherTab = view({ ...HOST_TAB, tab: { id: 8 }, frameId: 0 });
    await expect.poll(() => popup.state && otherTab.state).toBeDefined();
    const events = heard(otherTab);
    socket.receive(ringFrom('2'));
    await expect.poll(() => events).toEqual(['ring from 2, toast false']);
    expect(loads).toEqual([]);
  });
});

describe('refused input', () => {
  test('a port from another extension is disconnected at once', async () => {
    const pair = portPair(PORT_NAME, { id: 'someone-else', url: 'chrome-extension://someone-else/x.html' });
    let dropped = false;
    pair.view.onDisconnect.addListener(() => (dropped = true));
    hub(pair.background);
    await expect.poll(() => dropped).toBe(true);
  });

  test.each([
    ['not an object', 'hello'],
    ['an unknown op', { type: 'request', id: 1, request: { op: 'steal' } }],
    ['a bad user id', { type: 'request', id: 2, request: { op: 'sendCall', to: '' } }],
    [
      'too many names',
      {
        type: 'request',
        id: 3,
        request: { op: 'learnNames', names: Array.from({ length: 5001 }, (_, i) => [String(i), 'x']) },
      },
    ],
  ])('a malformed message (%s) is dropped and the port keeps working', async (_, message) => {
    const pair = portPair(PORT_NAME, POPUP);
    const replies: unknown[] = [];
    pair.view.onMessage.addListener((reply) => replies.push(reply));
    hub(pair.background);
    pair.view.postMessage(message);
    pair.view.postMessage({ type: 'request', id: 99, request: { op: 'snapshot' } });
    await expect.poll(() => replies.some((reply) => (reply as { id?: number }).id === 99)).toBe(true);
    expect(replies.filter((reply) => (reply as { type: string }).type === 'reply')).toHaveLength(1);
  });
});

import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { createMarkRenderer, MARK_TAG, STATE_ATTRIBUTE } from '../../../../utils/content/marks/mark-element';
import { syncPresence } from '../../../../utils/content/marks/presence-sync';
import type { ConnectionStatus } from '../../../../utils/core/messages/connection-status';
import type { RosterClient } from '../../../../utils/core/roster-client';
import type { UserId } from '../../../../utils/core/protocol/schemas';
import type { RosterState } from '../../../../utils/core/messages/roster-state';
import { plainTableProfile } from '../../../../utils/content/tables/builtin-plain-table';
import { Marker, type MarkRenderer } from '../../../../utils/content/marks/marker';
import { STALE_AFTER_MS } from '../../../../utils/content/marks/presence-view';
import { mountMarkup } from '../../../fixtures/load';
import { realTimers } from '../../../helpers/real-timers';

const id = (value: string) => value as UserId;
const labels = { online: 'Online', offline: 'Offline', me: 'Online (you)', unknown: 'Unknown' };
const timers = realTimers;
const connected: ConnectionStatus = { phase: 'connected', since: 0, attempt: 0 };

type Listener = Parameters<RosterClient['subscribe']>[0];
type ViewEvent = Parameters<Listener>[1];
/** Events as the background sends them; only the fields a content script reads are filled in. */
const event = (value: { type: string } & Record<string, unknown>) => value as unknown as ViewEvent;

/** A view's client as the content script sees it: the background's events, nothing else. */
class FakeClient implements Pick<RosterClient, 'state' | 'subscribe'> {
  state: RosterState | undefined;
  readonly #listeners = new Set<Listener>();

  subscribe(listener: Listener, signal: AbortSignal): void {
    this.#listeners.add(listener);
    signal.addEventListener('abort', () => this.#listeners.delete(listener));
  }

  emit(next: ViewEvent): void {
    if (next.type === 'state') this.state = next.state;
    for (const listener of this.#listeners) if (this.state) listener(this.state, next);
  }
}

/** Only the fields a content script reads; the rest of the state is the popup's business. */
const snapshot = (online: string[], connection: ConnectionStatus = connected) =>
  ({
    connection,
    presence: { version: 1, online: online.map(id) },
    names: { [id('1')]: '章三', [id('2')]: '李四', [id('3')]: '王五' },
    me: { id: id('1'), name: '章三' },
  }) as unknown as RosterState;

let life: AbortController;
let client: FakeClient;
let visited: Element[];
let changed: (UserId[] | undefined)[];
let table: HTMLElement;
let marker: Marker;
let sync: ReturnType<typeof syncPresence>;

const stateOf = (name: string) =>
  [...table.querySelectorAll('td')]
    .find((cell) => cell.textContent === name)
    ?.querySelector(MARK_TAG)
    ?.getAttribute(STATE_ATTRIBUTE);

beforeEach(() => {
  vi.useFakeTimers();
  life = new AbortController();
  client = new FakeClient();
  visited = [];
  changed = [];
  const base = createMarkRenderer(document, labels);
  const renderer: MarkRenderer = { ...base, update: (mark, state) => (visited.push(mark), base.update(mark, state)) };
  marker = new Marker(renderer, () => undefined);
  marker.setProfiles([plainTableProfile]);
  table = mountMarkup(
    '<table><thead><tr><th>姓名</th></tr></thead><tbody><tr><td>章三</td></tr><tr><td>李四</td></tr><tr><td>王五</td></tr><tr><td>赵六</td></tr></tbody></table>',
  );
  sync = syncPresence(
    client as unknown as RosterClient,
    marker,
    { timers, now: () => Date.now(), rescan: (rows) => marker.scan(rows), changed: (ids) => changed.push(ids) },
    life.signal,
  );
  client.emit(event({ type: 'state', state: snapshot(['1', '2']) }));
  marker.scan(table.querySelectorAll('tr'));
});

afterEach(() => {
  life.abort();
  vi.useRealTimers();
  document.body.replaceChildren();
});

test('a snapshot paints every mark', () => {
  expect(['章三', '李四', '王五', '赵六'].map(stateOf)).toEqual(['me', 'online', 'offline', undefined]);
});

test('a presence diff touches only the marks of the users in it', () => {
  visited = [];
  client.emit(event({ type: 'presence', change: { version: 2, joined: [id('3')], left: [id('2')] } }));
  expect(visited.map((mark) => mark.parentElement?.textContent)).toEqual(['王五', '李四']);
  expect(['李四', '王五'].map(stateOf)).toEqual(['offline', 'online']);
  expect(changed.at(-1)).toEqual(['3', '2']);
});

test('a dropped link keeps the last list for a few seconds, then every mark says unknown; reconnected, live again', () => {
  client.emit(
    event({
      type: 'connection',
      status: { phase: 'disconnected', reason: 'server-closed', since: Date.now(), attempt: 1 },
    }),
  );
  expect(stateOf('李四')).toBe('online');
  vi.advanceTimersByTime(STALE_AFTER_MS);
  expect(['章三', '李四', '王五'].map(stateOf)).toEqual(['unknown', 'unknown', 'unknown']);
  client.emit(event({ type: 'connection', status: { ...connected, since: Date.now() } }));
  expect(['章三', '李四', '王五'].map(stateOf)).toEqual(['me', 'online', 'offline']);
});

test('connected, but the server’s last list was dropped: unknown at once; the next usable list brings the marks back', () => {
  const listProblem = { reason: 'too-large', bytes: 2_000_000, limitBytes: 65_536, at: Date.now() } as const;
  client.emit(event({ type: 'connection', status: { ...connected, listProblem } }));
  expect(['章三', '李四', '王五'].map(stateOf)).toEqual(['unknown', 'unknown', 'unknown']);
  client.emit(event({ type: 'presence', change: { version: 2, joined: [id('3')], left: [id('2')] } }));
  expect(stateOf('王五')).toBe('unknown');
  client.emit(event({ type: 'connection', status: connected }));
  expect(['章三', '李四', '王五'].map(stateOf)).toEqual(['me', 'offline', 'online']);
});

test('signed out: unknown at once (the list is gone, not late)', () => {
  client.emit(
    event({ type: 'connection', status: { phase: 'disconnected', reason: 'no-token', since: Date.now(), attempt: 0 } }),
  );
  expect(stateOf('李四')).toBe('unknown');
});

test('a snapshot taken while disconnected is not trusted either', () => {
  client.emit(
    event({
      type: 'state',
      state: snapshot(['1', '2'], { phase: 'connecting', since: Date.now() - 60_000, attempt: 4 }),
    }),
  );
  expect(stateOf('李四')).toBe('unknown');
});

test('who I am changes: both people’s marks follow', () => {
  client.emit(event({ type: 'me', me: { id: id('2'), name: '李四' } }));
  expect(['章三', '李四'].map(stateOf)).toEqual(['online', 'me']);
});

test('a name the directory just learned marks the rows that waited for it', () => {
  expect(stateOf('赵六')).toBeUndefined();
  client.emit(event({ type: 'names', names: { [id('5')]: '赵六' } }));
  expect(stateOf('赵六')).toBe('offline');
});

test('rows that appear while the background sends no changes (quiet) say unknown until the next snapshot', () => {
  marker.clear();
  sync.quieted();
  marker.scan(table.querySelectorAll('tr'));
  expect(['章三', '李四', '王五'].map(stateOf)).toEqual(['unknown', 'unknown', 'unknown']);
  client.emit(event({ type: 'state', state: snapshot(['1', '3']) }));
  expect(['章三', '李四', '王五'].map(stateOf)).toEqual(['me', 'offline', 'online']);
});

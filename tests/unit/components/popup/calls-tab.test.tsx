import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { renderPopup } from './helpers/render-popup';
import { incoming, NOW, outgoing, rosterState, withCalls } from './helpers/state';

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
});

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const minutesAgo = (count: number) => NOW - count * 60_000;
const entries = () => [...document.querySelectorAll('.call-entry')].map((entry) => entry.textContent);
const openCalls = () => fireEvent.click(screen.getByRole('tab', { name: /^Calls/ }));

describe('the call log', () => {
  test('newest first, both ways, with relative and absolute times', () => {
    renderPopup(
      rosterState(
        withCalls([incoming('i1', '2', 'answered', minutesAgo(90)), outgoing('o1', '4', 'sent', minutesAgo(5))]),
      ),
    );
    openCalls();
    expect(entries()).toEqual([
      '↗Outgoing: Alice MartinSent · 5 minutes ago · 3:25 PMCall again',
      '↙Incoming: 李四Called back · 2 hours ago · 2:00 PMCall back',
    ]);
    const time = document.querySelector('time');
    expect(time?.getAttribute('dateTime')).toBe(new Date(minutesAgo(5)).toISOString());
    expect(time?.getAttribute('title')).toMatch(/^Friday, March 14, 2025/);
  });

  test('missed calls are marked, and those not returned are counted on the tab', () => {
    renderPopup(
      rosterState(
        withCalls([
          incoming('i1', '2', 'missed', minutesAgo(30)),
          incoming('i2', '3', 'missed', minutesAgo(20)),
          outgoing('o1', '3', 'sent', minutesAgo(10)),
        ]),
      ),
    );
    expect(screen.getByRole('tab', { name: 'Calls 1 missed' })).toBeTruthy();
    openCalls();
    expect(document.querySelectorAll('.is-missed')).toHaveLength(2);
    expect(document.querySelectorAll('.is-owed')).toHaveLength(1);
    expect(document.querySelector('.is-owed')?.textContent).toContain('李四Missed');
  });

  test('call back rings whoever called; an offline caller cannot be rung', () => {
    const { client } = renderPopup(
      rosterState(
        withCalls([incoming('i1', '2', 'missed', minutesAgo(3)), incoming('i2', '5', 'missed', minutesAgo(2))]),
      ),
    );
    openCalls();
    const [fromZhao, fromLi] = document.querySelectorAll('.call-entry');
    expect(within(fromZhao as HTMLElement).queryByRole('button')).toBeNull();
    expect(fromZhao?.textContent).toContain('offline');
    fireEvent.click(within(fromLi as HTMLElement).getByRole('button', { name: 'Call 李四 back' }));
    expect(client.ops('callBack')).toEqual([{ op: 'callBack', id: 'i1' }]);
  });

  test('call again rings the person called', () => {
    const { client } = renderPopup(rosterState(withCalls([outgoing('o1', '4', 'failed', minutesAgo(3), 'expired')])));
    openCalls();
    expect(entries()[0]).toContain('Not sent: no connection in time');
    fireEvent.click(screen.getByRole('button', { name: 'Call Alice Martin again' }));
    expect(client.ops('sendCall')).toEqual([{ op: 'sendCall', to: '4' }]);
  });

  test('no calls yet', () => {
    renderPopup(rosterState());
    openCalls();
    expect(screen.getByText('No calls yet.')).toBeTruthy();
  });
});

describe('opening the popup', () => {
  test('marks the calls seen (the badge goes), and again when a call comes while it is open', async () => {
    const { client } = renderPopup(rosterState());
    expect(client.ops('markCallsSeen')).toHaveLength(1);
    client.update((state) => ({ ...state, ...withCalls([incoming('i9', '2', 'ringing', NOW, false)], 1) }));
    await waitFor(() => expect(client.ops('markCallsSeen')).toHaveLength(2));
  });

  test('with a missed call not seen yet: opens on the calls, the new ones marked', () => {
    renderPopup(
      rosterState(
        withCalls(
          [incoming('i1', '2', 'missed', minutesAgo(3), false), incoming('i0', '3', 'missed', minutesAgo(60))],
          1,
        ),
      ),
    );
    expect(screen.getByRole('tab', { name: /^Calls/ }).getAttribute('aria-selected')).toBe('true');
    expect(document.querySelectorAll('.is-new')).toHaveLength(1);
    expect(document.querySelector('.is-new')?.textContent).toContain('new');
  });

  test('new stays new after the background marks it seen', async () => {
    const { client } = renderPopup(rosterState(withCalls([incoming('i1', '2', 'missed', minutesAgo(3), false)], 1)));
    client.update((state) => ({ ...state, ...withCalls([incoming('i1', '2', 'missed', minutesAgo(3), true)], 0) }));
    await waitFor(() => expect(document.querySelectorAll('.call-entry.is-new')).toHaveLength(1));
  });
});

describe('a call ringing now', () => {
  test('is shown above the tabs, to answer or dismiss', () => {
    const { client } = renderPopup(rosterState(withCalls([incoming('i1', '2', 'ringing', minutesAgo(0))])));
    const ringing = screen.getByRole('region', { name: 'Calling you now' });
    expect(ringing.textContent).toContain('李四 is calling you');
    fireEvent.click(within(ringing).getByRole('button', { name: 'Call 李四 back' }));
    expect(client.ops('callBack')).toEqual([{ op: 'callBack', id: 'i1' }]);
    fireEvent.click(within(ringing).getByRole('button', { name: 'Dismiss the call from 李四' }));
    expect(client.ops('dismissCall')).toEqual([{ op: 'dismissCall', id: 'i1' }]);
  });

  test('goes once the background says it was answered', async () => {
    const { client } = renderPopup(rosterState(withCalls([incoming('i1', '2', 'ringing', minutesAgo(0))])));
    client.update((state) => ({ ...state, ...withCalls([incoming('i1', '2', 'answered', minutesAgo(0))]) }));
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Calling you now' })).toBeNull());
  });
});

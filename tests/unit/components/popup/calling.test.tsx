import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, test } from 'vitest';
import type { OutgoingCall } from '../../../../utils/core/calls/records';
import type { SendCallResult } from '../../../../utils/core/messages/roster-state';
import { renderPopup } from './helpers/render-popup';
import { id, rosterState, withCalls } from './helpers/state';

afterEach(cleanup);

const callAlice = () => screen.getByRole('button', { name: 'Call Alice Martin' });
const aliceRow = () => callAlice().closest('li')?.textContent ?? '';
const announced = () => document.querySelector('[aria-live="polite"]')?.textContent.trim();

/** A reply the test releases when it wants: the popup is "sending" until then. */
function held() {
  let release: (result: SendCallResult) => void = () => undefined;
  const reply = new Promise<SendCallResult>((resolve) => (release = resolve));
  return { reply, release };
}

const call = (status: OutgoingCall['status'], error?: OutgoingCall['error']): OutgoingCall => ({
  kind: 'outgoing',
  id: 'c1',
  peerId: id('4'),
  at: Date.now(),
  status,
  ...(error ? { error } : {}),
  ...(status === 'queued' ? {} : { settledAt: Date.now() }),
});

describe('a Call button', () => {
  test('shows sending, then what the call log says: sent', async () => {
    const { client } = renderPopup(rosterState());
    const pending = held();
    client.reply('sendCall', () => pending.reply);
    fireEvent.click(callAlice());
    expect(client.ops('sendCall')).toEqual([{ op: 'sendCall', to: '4' }]);
    expect(aliceRow()).toContain('Calling…');
    expect(callAlice().getAttribute('aria-disabled')).toBe('true');
    expect(announced()).toBe('Calling Alice Martin…');
    client.update((state) => ({ ...state, ...withCalls([call('sent')]) }));
    pending.release({ ok: true, call: call('sent') });
    await act(() => Promise.resolve());
    await waitFor(() => expect(aliceRow()).toMatch(/Sent at \d{1,2}:\d\d/));
    expect(announced()).toBe('Alice Martin: Sent');
  });

  test('a double-click rings once', async () => {
    const { client } = renderPopup(rosterState());
    fireEvent.click(callAlice());
    fireEvent.click(callAlice());
    await act(() => Promise.resolve());
    fireEvent.click(callAlice());
    expect(client.ops('sendCall')).toHaveLength(1);
  });

  test('queued while reconnecting, and not queued twice', async () => {
    const { client } = renderPopup(rosterState({ connection: { phase: 'connecting', since: 0, attempt: 1 } }));
    client.reply('sendCall', () => Promise.resolve({ ok: true, call: call('queued') }));
    fireEvent.click(callAlice());
    client.update((state) => ({ ...state, ...withCalls([call('queued')]) }));
    await waitFor(() => expect(aliceRow()).toContain('Waiting for the connection…'));
    expect(callAlice().getAttribute('aria-disabled')).toBe('true');
  });

  test.each<[OutgoingCall['error'], string]>([
    ['expired', 'Not sent: no connection in time'],
    ['queue-full', 'Not sent: too many calls waiting'],
    ['stopped', 'Not sent: cancelled'],
    ['restarted', 'Not sent: Roster restarted while it waited. Call again.'],
  ])('failed (%s): the reason on the row', (error, words) => {
    renderPopup(rosterState(withCalls([call('failed', error)])));
    expect(aliceRow()).toContain(words);
  });

  test.each<[SendCallResult, string]>([
    [{ ok: false, refusal: 'callee-offline' }, 'Alice Martin is offline.'],
    [{ ok: false, refusal: 'not-signed-in' }, 'Sign in to the admin site first.'],
  ])('refused: why, on the row and aloud', async (result, words) => {
    const { client } = renderPopup(rosterState());
    client.reply('sendCall', () => Promise.resolve(result));
    fireEvent.click(callAlice());
    await waitFor(() => expect(aliceRow()).toContain(words));
    expect(announced()).toBe(`Alice Martin: ${words}`);
  });

  test('the background gone mid-request: not sent, try again', async () => {
    const { client } = renderPopup(rosterState());
    client.reply('sendCall', () => Promise.reject(new Error('the background went away')));
    fireEvent.click(callAlice());
    await waitFor(() => expect(aliceRow()).toContain('Not sent: Roster did not answer. Try again.'));
    expect(callAlice().getAttribute('aria-disabled')).toBe('false');
  });
});

describe('do not disturb', () => {
  test('the box shows the background’s value, asks to change it, and follows the saved value', async () => {
    const { client } = renderPopup(rosterState());
    const toggle = screen.getByRole<HTMLInputElement>('checkbox', { name: 'Do not disturb' });
    expect(toggle.checked).toBe(false);
    fireEvent.click(toggle);
    expect(client.ops('setDoNotDisturb')).toEqual([{ op: 'setDoNotDisturb', on: true }]);
    client.update((state) => ({ ...state, doNotDisturb: true }));
    await waitFor(() =>
      expect(screen.getByText('Do not disturb is on: calls are listed here without alerts.')).toBeTruthy(),
    );
    expect(toggle.checked).toBe(true);
  });

  test('turning it off', async () => {
    const { client } = renderPopup(rosterState({ doNotDisturb: true }));
    const toggle = screen.getByRole<HTMLInputElement>('checkbox', { name: 'Do not disturb' });
    expect(toggle.checked).toBe(true);
    fireEvent.click(toggle);
    await waitFor(() => expect(client.ops('setDoNotDisturb')).toEqual([{ op: 'setDoNotDisturb', on: false }]));
  });

  test('when the background cannot save it, the box goes back to the saved value', async () => {
    const { client } = renderPopup(rosterState());
    client.reply('setDoNotDisturb', () => Promise.reject(new Error('storage is full')));
    const toggle = screen.getByRole<HTMLInputElement>('checkbox', { name: 'Do not disturb' });
    fireEvent.click(toggle);
    await waitFor(() => expect(toggle.checked).toBe(false));
  });
});

test('me, apart from the list, marked away when idle', () => {
  renderPopup(rosterState({ away: true }));
  expect(document.querySelector('.me')?.textContent).toBe('You: 章三ID 1away');
  expect(screen.queryByRole('button', { name: 'Call 章三' })).toBeNull();
});

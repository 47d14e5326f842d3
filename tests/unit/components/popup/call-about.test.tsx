import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, test } from 'vitest';
import type { CallContext } from '../../../../utils/core/calls/call-context';
import type { CallRecord } from '../../../../utils/core/calls/records';
import type { CallPage } from '../../../../utils/core/messages/roster-state';
import { FakeClient } from './helpers/fake-client';
import { renderPopup } from './helpers/render-popup';
import { incoming, NOW, outgoing, rosterState, withCalls } from './helpers/state';

afterEach(cleanup);

const ORDER: CallPage = { url: 'https://admin.example.com/#/orders/42', title: '订单 42 · 退款' };
const callAlice = () => screen.getByRole('button', { name: 'Call Alice Martin' });
const aboutBox = () => screen.queryByRole<HTMLInputElement>('checkbox', { name: /About this page/ });
const noteBox = () => screen.getByRole<HTMLInputElement>('textbox', { name: /Note with the call/ });
const announced = () => document.querySelector('[aria-live="polite"]')?.textContent.trim();
const altA = (init: Partial<KeyboardEventInit> = {}) =>
  fireEvent.keyDown(document.activeElement ?? document.body, { key: 'a', code: 'KeyA', altKey: true, ...init });

/** The popup opened over a tab showing `page` (what the background answers to `activePage`). */
async function popupOver(page: CallPage | null) {
  const client = new FakeClient(rosterState());
  client.reply('activePage', () => Promise.resolve(page));
  const rendered = renderPopup(undefined, { client });
  await act(() => Promise.resolve());
  return rendered;
}

describe('calling from the popup while a host page is open', () => {
  test('about this page is on, shows the title, and goes with the call', async () => {
    const { client } = await popupOver(ORDER);
    expect(client.ops('activePage')).toHaveLength(1);
    const box = aboutBox();
    expect(box?.checked).toBe(true);
    expect(document.querySelector('.about__title')?.textContent).toBe('订单 42 · 退款');
    expect(box?.getAttribute('aria-keyshortcuts')).toBe('Alt+A');
    fireEvent.click(callAlice());
    expect(client.ops('sendCall')).toEqual([{ op: 'sendCall', to: '4', page: ORDER }]);
  });

  test('Alt+A turns it off and on again, aloud; off, the call carries no page', async () => {
    const { client } = await popupOver(ORDER);
    screen.getByRole('searchbox').focus();
    altA();
    expect(aboutBox()?.checked).toBe(false);
    expect(announced()).toBe('Calls will not say which page is open');
    fireEvent.click(callAlice());
    expect(client.ops('sendCall')).toEqual([{ op: 'sendCall', to: '4' }]);
    altA();
    expect(aboutBox()?.checked).toBe(true);
    expect(announced()).toBe('Calls will be about 订单 42 · 退款');
  });

  test.each([
    ['Ctrl', { ctrlKey: true }],
    ['Shift', { shiftKey: true }],
    ['Meta', { metaKey: true }],
  ])('Alt+%s+A is not the toggle', async (_, modifier) => {
    await popupOver(ORDER);
    altA(modifier);
    expect(aboutBox()?.checked).toBe(true);
  });

  test('clicking the box turns it off', async () => {
    const { client } = await popupOver(ORDER);
    fireEvent.click(aboutBox()!);
    fireEvent.click(callAlice());
    expect(client.ops('sendCall')).toEqual([{ op: 'sendCall', to: '4' }]);
  });

  test('no host page open (or context off): no box, Alt+A does nothing, calls as before', async () => {
    const { client } = await popupOver(null);
    expect(aboutBox()).toBeNull();
    altA();
    expect(announced()).toBe('');
    fireEvent.click(callAlice());
    expect(client.ops('sendCall')).toEqual([{ op: 'sendCall', to: '4' }]);
  });
});

describe('a note with the call', () => {
  test('goes with the next call, trimmed, and is cleared once the call went out', async () => {
    const { client } = await popupOver(null);
    fireEvent.input(noteBox(), { target: { value: '  退款的事 ' } });
    fireEvent.click(callAlice());
    expect(client.ops('sendCall')).toEqual([{ op: 'sendCall', to: '4', note: '退款的事' }]);
    await waitFor(() => expect(noteBox().value).toBe(''));
  });

  test('stays when the call was refused, for the next try', async () => {
    const { client } = await popupOver(ORDER);
    client.reply('sendCall', () => Promise.resolve({ ok: false, refusal: 'callee-offline' }));
    fireEvent.input(noteBox(), { target: { value: 'about the refund' } });
    fireEvent.click(callAlice());
    expect(client.ops('sendCall')).toEqual([{ op: 'sendCall', to: '4', page: ORDER, note: 'about the refund' }]);
    await waitFor(() => expect(announced()).toBe('Alice Martin: Alice Martin is offline.'));
    expect(noteBox().value).toBe('about the refund');
  });

  test.each([
    ['short', 'a'.repeat(99), null],
    ['near the limit', 'a'.repeat(120), '20 characters left'],
    ['full', 'a'.repeat(140), '0 characters left'],
    ['pasted past the limit, cut at 140', 'a'.repeat(300), '0 characters left'],
    ['counted in characters, not UTF-16 units', '😀'.repeat(130), '10 characters left'],
  ])('%s', async (_, typed, left) => {
    await popupOver(null);
    fireEvent.input(noteBox(), { target: { value: typed } });
    expect(Array.from(noteBox().value).length).toBe(Math.min(140, Array.from(typed).length));
    expect(document.querySelector('.about__left')?.textContent ?? null).toBe(left);
    if (left) expect(noteBox().getAttribute('aria-describedby')).toBe('call-note-left');
  });
});

const about = (record: CallRecord, context: CallContext): CallRecord => ({ ...record, context });
const openCalls = () => fireEvent.click(screen.getByRole('tab', { name: /^Calls/ }));

describe('calls about a page in the popup', () => {
  test('the history says what a call was about, as text, and Open asks for exactly that call', () => {
    const hostile = '<img src=x onerror=alert(1)> 订单';
    const { client } = renderPopup(
      rosterState(
        withCalls([
          about(incoming('i1', '2', 'answered', NOW - 60_000), { url: ORDER.url, title: hostile, note: '退款的事' }),
          about(outgoing('o1', '4', 'sent', NOW - 30_000), { note: 'only a note' }),
        ]),
      ),
    );
    openCalls();
    const items = [...document.querySelectorAll('.call-entry')];
    const theirs = items.find((item) => item.textContent.includes('李四'));
    expect(theirs?.querySelector('.call-about__title')?.textContent).toBe(`about: ${hostile}`);
    expect(theirs?.querySelector('.call-about__note')?.textContent).toBe('“退款的事”');
    expect(document.querySelector('img')).toBeNull();
    expect(document.querySelector('a')).toBeNull();
    const mine = items.find((item) => item.textContent.includes('Alice Martin'));
    expect(mine?.querySelector('.call-about__note')?.textContent).toBe('“only a note”');
    // A call without a page offers nothing to open.
    expect(mine?.querySelector('.call-about__open')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: `Open ${hostile}` }));
    expect(client.ops('openCallPage')).toEqual([{ op: 'openCallPage', id: 'i1' }]);
  });

  test('a ringing call shows it above everything, with Open', () => {
    const { client } = renderPopup(
      rosterState(
        withCalls([about(incoming('r1', '2', 'ringing', Date.now()), { url: ORDER.url, title: ORDER.title })]),
      ),
    );
    const ringing = screen.getByRole('region', { name: 'Calling you now' });
    expect(ringing.textContent).toContain('about: 订单 42 · 退款');
    fireEvent.click(screen.getByRole('button', { name: 'Open 订单 42 · 退款' }));
    expect(client.ops('openCallPage')).toEqual([{ op: 'openCallPage', id: 'r1' }]);
  });

  test('Call back goes about the page, with the note, like any call from the popup', async () => {
    const client = new FakeClient(rosterState(withCalls([incoming('r1', '2', 'ringing', Date.now())])));
    client.reply('activePage', () => Promise.resolve(ORDER));
    renderPopup(undefined, { client });
    await act(() => Promise.resolve());
    fireEvent.input(noteBox(), { target: { value: 'yes, the refund' } });
    fireEvent.click(screen.getAllByRole('button', { name: 'Call 李四 back' })[0]!);
    expect(client.ops('callBack')).toEqual([{ op: 'callBack', id: 'r1', page: ORDER, note: 'yes, the refund' }]);
    await waitFor(() => expect(noteBox().value).toBe(''));
  });

  test('a page that could not be opened says so, on the row and aloud', async () => {
    const { client } = renderPopup(
      rosterState(withCalls([about(incoming('i1', '2', 'missed', NOW - 60_000), { url: ORDER.url })])),
    );
    client.reply('openCallPage', () => Promise.resolve({ opened: false }));
    openCalls();
    // No title: Open is named by the address.
    fireEvent.click(screen.getByRole('button', { name: `Open ${ORDER.url}` }));
    await waitFor(() => expect(announced()).toBe('Could not open the page'));
    expect(document.querySelector('.call-about__open')?.textContent).toContain('Could not open the page');
  });

  test('in Chinese', () => {
    renderPopup(
      rosterState(
        withCalls([about(incoming('i1', '2', 'missed', NOW - 60_000), { url: ORDER.url, title: '订单 42' })]),
      ),
      { language: 'zh_CN' },
    );
    fireEvent.click(screen.getByRole('tab', { name: /^呼叫/ }));
    expect(document.querySelector('.call-about__title')?.textContent).toBe('关于：订单 42');
  });
});

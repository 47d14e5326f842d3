import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { createHoverCard, type HoverCard } from '../../../../utils/content/card/hover-card';
import { CARD_TAG } from '../../../../utils/content/card/card-element';
import { createMarkRenderer } from '../../../../utils/content/marks/mark-element';
import type { UserId } from '../../../../utils/core/protocol/schemas';
import type { SendCallResult } from '../../../../utils/core/messages/roster-state';
import type { MarkState } from '../../../../utils/content/marks/presence-view';
import { mountMarkup } from '../../../fixtures/load';
import { realTimers } from '../../../helpers/real-timers';

const labels = { online: 'Online', offline: 'Offline', me: 'Online (you)', unknown: 'Unknown' };
const renderer = createMarkRenderer(document, labels);
const id = (value: string) => value as UserId;
const HOSTILE = '<img src=x onerror=alert(1)>';
const timers = realTimers;

let life: AbortController;
let card: HoverCard;
let states: Map<UserId, MarkState>;
let calls: UserId[];
let marks: Record<'hostile' | 'offline' | 'me', Element>;
let rowClicks: number;

function trusted<E extends Event>(event: E): E {
  Object.defineProperty(event, 'isTrusted', { value: true });
  return event;
}
/** What a person does (the browser marks it trusted); a page script's dispatches are not. */
const hover = (target: Element) => target.dispatchEvent(trusted(new PointerEvent('pointerover', { bubbles: true })));
const leave = (target: Element) =>
  target.dispatchEvent(trusted(new PointerEvent('pointerout', { bubbles: true, relatedTarget: document.body })));
const press = (target: Element, key: string) =>
  target.dispatchEvent(trusted(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true })));
/**
 * A person tabbing to a mark. Browsers mark the focus events that follow trusted; happy-dom does not:
 * this listener, added before the card's, does so while `tabTo` runs.
 */
let tabbing = false;
const trustFocus = (event: Event) => tabbing && trusted(event);
const tabTo = (target: Element) => {
  tabbing = true;
  (target as HTMLElement).focus();
  tabbing = false;
};
const shown = () => document.querySelector<HTMLElement>(CARD_TAG);
const visible = () => !!shown() && !shown()!.hidden;
const button = () => shown()!.querySelector('button')!;

beforeEach(() => {
  vi.useFakeTimers();
  life = new AbortController();
  for (const type of ['focusin', 'focusout'])
    window.addEventListener(type, trustFocus, { capture: true, signal: life.signal });
  calls = [];
  rowClicks = 0;
  states = new Map([
    [id('13'), 'online'],
    [id('3'), 'offline'],
    [id('1'), 'me'],
  ]);
  const table = mountMarkup(
    '<table><tbody><tr id="row"><td id="a"><a href="/users/13">x</a></td><td id="b">王五</td><td id="c">章三</td></tr></tbody></table>',
  );
  table.querySelector('#row')!.addEventListener('click', () => rowClicks++);
  const owners = new Map<Element, UserId>();
  const put = (cell: string, user: string) => {
    const mark = renderer.create(states.get(id(user)) ?? 'offline');
    renderer.place(mark, { anchor: table.querySelector(cell === '#a' ? '#a a' : cell)!, position: 'before' });
    owners.set(mark, id(user));
    return mark;
  };
  marks = { hostile: put('#a', '13'), offline: put('#b', '3'), me: put('#c', '1') };
  card = createHoverCard(
    {
      window,
      timers,
      text: (key, ...substitutions) => [key, ...substitutions].join(':'),
      labels,
      subjectOf: (mark) => {
        const user = owners.get(mark);
        return user && { userId: user, name: user === id('13') ? HOSTILE : `user ${user}` };
      },
      stateOf: (user) => states.get(user) ?? 'offline',
      call: (to): Promise<SendCallResult> => {
        calls.push(to);
        return Promise.resolve({ ok: true, call: { kind: 'outgoing', id: '9', peerId: to, at: 0, status: 'sent' } });
      },
    },
    life.signal,
  );
});

afterEach(() => {
  life.abort();
  vi.useRealTimers();
  document.body.replaceChildren();
});

describe('opening', () => {
  test('hovering an online mark opens the card after a short delay; the name is text, never markup', () => {
    hover(marks.hostile);
    expect(visible()).toBe(false);
    vi.advanceTimersByTime(300);
    expect(visible()).toBe(true);
    expect(shown()!.textContent).toContain(HOSTILE);
    expect(shown()!.querySelector('img')).toBeNull();
    expect(button().getAttribute('aria-label')).toBe(`callTo:${HOSTILE}`);
    expect(marks.hostile.hasAttribute('title')).toBe(false);
    expect(marks.hostile.getAttribute('aria-expanded')).toBe('true');
  });

  test('leaving closes it again and gives the mark its title back', () => {
    hover(marks.hostile);
    vi.advanceTimersByTime(300);
    leave(marks.hostile);
    vi.advanceTimersByTime(400);
    expect(visible()).toBe(false);
    expect(marks.hostile.getAttribute('title')).toBe('Online');
    expect(marks.hostile.getAttribute('aria-expanded')).toBe('false');
  });

  test.each([['offline'], ['me']] as const)('never for an %s mark', (which) => {
    hover(marks[which]);
    vi.advanceTimersByTime(1_000);
    marks[which].dispatchEvent(trusted(new MouseEvent('click', { bubbles: true })));
    expect(visible()).toBe(false);
  });

  test('keyboard: focus opens it, Enter moves to Call, Escape closes and returns to the mark', () => {
    tabTo(marks.hostile);
    expect(visible()).toBe(true);
    press(marks.hostile, 'Enter');
    expect(document.activeElement).toBe(button());
    press(button(), 'Escape');
    expect(visible()).toBe(false);
    expect(document.activeElement).toBe(marks.hostile);
  });

  test('clicking a mark pins the card, and neither follows the link nor clicks the host row', () => {
    const click = trusted(new MouseEvent('click', { bubbles: true, cancelable: true }));
    marks.hostile.dispatchEvent(click);
    expect(click.defaultPrevented).toBe(true);
    expect(rowClicks).toBe(0);
    leave(marks.hostile);
    vi.advanceTimersByTime(1_000);
    expect(visible()).toBe(true);
  });
});

describe('a host page’s own scripts', () => {
  test.each([
    ['hover', (mark: Element) => mark.dispatchEvent(new PointerEvent('pointerover', { bubbles: true }))],
    [
      'Enter',
      (mark: Element) =>
        mark.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true })),
    ],
    ['focus event', (mark: Element) => mark.dispatchEvent(new FocusEvent('focusin', { bubbles: true }))],
    ['click', (mark: Element) => mark.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }))],
  ])('a synthetic %s on a mark does not open or arm the card', (_, act) => {
    act(marks.hostile);
    vi.advanceTimersByTime(1_000);
    expect(visible()).toBe(false);
    expect(document.activeElement).not.toBe(shown()?.querySelector('button') ?? null);
  });

  test('a synthetic Escape does not close a card a person opened', () => {
    hover(marks.hostile);
    vi.advanceTimersByTime(300);
    marks.hostile.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true }));
    expect(visible()).toBe(true);
  });
});

describe('calling', () => {
  test('a real click on Call rings through the background and says so', async () => {
    hover(marks.hostile);
    vi.advanceTimersByTime(300);
    button().dispatchEvent(trusted(new MouseEvent('click', { bubbles: true })));
    expect(shown()!.textContent).toContain('cardCalling');
    await vi.runAllTimersAsync();
    expect(calls).toEqual(['13']);
    expect(shown()!.querySelector('[role=status]')!.textContent).toBe('cardCallSent');
    expect(shown()!.querySelector('[role=status]')!.getAttribute('data-tone')).toBe('ok');
  });

  test('a click made by the page’s own scripts rings nobody', async () => {
    hover(marks.hostile);
    vi.advanceTimersByTime(300);
    button().click();
    await vi.runAllTimersAsync();
    expect(calls).toEqual([]);
  });

  test('the colleague goes offline while the card is open: Call goes away', () => {
    hover(marks.hostile);
    vi.advanceTimersByTime(300);
    states.set(id('13'), 'offline');
    card.refresh([id('3')]);
    expect(button().hidden).toBe(false);
    card.refresh([id('13')]);
    expect(button().hidden).toBe(true);
    expect(shown()!.textContent).toContain('Offline');
  });
});

test('the card is the observer’s to ignore, and leaves with the script', () => {
  hover(marks.hostile);
  vi.advanceTimersByTime(300);
  expect(card.isOwn(button())).toBe(true);
  expect(card.isOwn(marks.hostile)).toBe(false);
  life.abort();
  expect(shown()).toBeNull();
});

import { afterEach, beforeEach, expect, test } from 'vitest';
import { loadHoverCardOnUse } from '../../../../utils/content/card/card-loader';
import { CARD_TAG } from '../../../../utils/content/card/card-element';
import { createHoverCard } from '../../../../utils/content/card/hover-card';
import { createMarkRenderer } from '../../../../utils/content/marks/mark-element';
import { takePart } from '../../../../utils/content/part-shelf';
import type { UserId } from '../../../../utils/core/protocol/schemas';
import { mountMarkup } from '../../../fixtures/load';
import { realTimers } from '../../../helpers/real-timers';

const labels = { online: 'Online', offline: 'Offline', me: 'Online (you)', unknown: 'Unknown' };
const id = (value: string) => value as UserId;

let life: AbortController;
let marks: { online: Element; offline: Element };
let loads: number;
let loadFails: boolean;
let rowClicks: number;

const trusted = <E extends Event>(event: E): E => {
  Object.defineProperty(event, 'isTrusted', { value: true });
  return event;
};
const act = {
  hover: (target: Element) => target.dispatchEvent(trusted(new PointerEvent('pointerover', { bubbles: true }))),
  click: (target: Element) =>
    target.dispatchEvent(trusted(new MouseEvent('click', { bubbles: true, cancelable: true }))),
  enter: (target: Element) =>
    target.dispatchEvent(trusted(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }))),
};
const card = () => document.querySelector<HTMLElement>(CARD_TAG);
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

beforeEach(() => {
  life = new AbortController();
  loads = 0;
  loadFails = false;
  rowClicks = 0;
  const table = mountMarkup(
    '<table><tbody><tr id="row"><td><a id="link" href="/users/13">x</a></td><td id="b">王五</td></tr></tbody></table>',
  );
  table.querySelector('#row')!.addEventListener('click', () => rowClicks++);
  const renderer = createMarkRenderer(document, labels);
  const owners = new Map<Element, UserId>();
  const put = (anchor: Element, user: string, state: 'online' | 'offline') => {
    const mark = renderer.create(state);
    renderer.place(mark, { anchor, position: 'before' });
    owners.set(mark, id(user));
    return mark;
  };
  marks = {
    online: put(table.querySelector('#link')!, '13', 'online'),
    offline: put(table.querySelector('#b')!, '3', 'offline'),
  };
  loadHoverCardOnUse(
    {
      window,
      timers: realTimers,
      text: (key) => key,
      labels,
      subjectOf: (mark) => {
        const user = owners.get(mark);
        return user && { userId: user, name: `user ${user}` };
      },
      stateOf: (user) => (user === id('13') ? 'online' : 'offline'),
      call: () => Promise.resolve({ ok: false, refusal: 'callee-offline' }),
    },
    // What the background's injection does: the part runs in the frame before the reply comes.
    () => {
      loads++;
      if (loadFails) return Promise.reject(new Error('Cannot access contents of the page'));
      const host = takePart('hover-card');
      host?.started(createHoverCard(host.deps, host.signal));
      return Promise.resolve(null);
    },
    life.signal,
  );
});

afterEach(() => {
  life.abort();
  document.body.replaceChildren();
});

test('nothing loads until a person acts on an online colleague’s mark', async () => {
  marks.online.dispatchEvent(new PointerEvent('pointerover', { bubbles: true }));
  marks.online.dispatchEvent(new MouseEvent('click', { bubbles: true }));
  act.hover(marks.offline);
  act.click(marks.offline);
  await settle();
  expect(loads).toBe(0);
  expect(card()).toBeNull();
});

test('a click is taken at once, so a mark in a link neither navigates nor clicks the row; the card opens pinned', async () => {
  const click = trusted(new MouseEvent('click', { bubbles: true, cancelable: true }));
  marks.online.dispatchEvent(click);
  expect(click.defaultPrevented).toBe(true);
  expect(rowClicks).toBe(0);
  await settle();
  expect(card()?.hidden).toBe(false);
  expect(marks.online.getAttribute('aria-expanded')).toBe('true');
});

test('Enter on a mark opens the card with Call focused', async () => {
  act.enter(marks.online);
  await settle();
  expect(card()?.hidden).toBe(false);
  expect(document.activeElement).toBe(card()?.querySelector('button'));
});

test('loaded once: later acts go to the card itself', async () => {
  act.hover(marks.online);
  act.click(marks.online);
  await settle();
  act.click(marks.online);
  act.click(marks.online);
  await settle();
  expect(loads).toBe(1);
});

test('a load that fails is asked again on the next act, and then works', async () => {
  loadFails = true;
  act.click(marks.online);
  await settle();
  expect(card()).toBeNull();
  loadFails = false;
  act.click(marks.online);
  await settle();
  expect(loads).toBe(2);
  expect(card()?.hidden).toBe(false);
});

test('once the content script has ended, nothing loads or starts', async () => {
  life.abort();
  act.click(marks.online);
  await settle();
  expect(loads).toBe(0);
  expect(takePart('hover-card')).toBeUndefined();
});

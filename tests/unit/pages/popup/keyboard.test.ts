import { describe, expect, test } from 'vitest';
import {
  activeIndex,
  pressKey,
  sameTarget,
  type KeyPlace,
  type KeyState,
  type KeyTarget,
} from '../../../../utils/pages/popup/keyboard';
import { id } from '../../components/popup/helpers/state';

const a: KeyTarget = { kind: 'person', id: id('a') };
const b: KeyTarget = { kind: 'person', id: id('b') };
const c: KeyTarget = { kind: 'person', id: id('c') };
const toggle: KeyTarget = { kind: 'toggle' };
/** a, b, c online; the offline head; two offline rows (not targets). */
const rows: KeyTarget[] = [a, b, c, toggle, null, null];

const at = (active: number, armed: string | null = null): KeyState => ({
  active,
  armed: armed === null ? null : id(armed),
});
const press = (state: KeyState, key: string, place: KeyPlace = 'list', hasQuery = false, modified = false) =>
  pressKey(state, { key, place, modified }, rows, 2, hasQuery);

describe('moving', () => {
  test.each<[string, KeyState, string, KeyPlace, number, string | undefined]>([
    [
      'down from the search box enters the list at the highlighted row',
      at(1),
      'ArrowDown',
      'search',
      1,
      'focus-active',
    ],
    [
      'down from the search box with nothing highlighted: the first row',
      at(-1),
      'ArrowDown',
      'search',
      0,
      'focus-active',
    ],
    ['down in the list: the next row', at(0), 'ArrowDown', 'list', 1, 'focus-active'],
    ['down on the offline head: stays (offline rows are not stops)', at(3), 'ArrowDown', 'list', 3, 'focus-active'],
    ['up in the list: the previous row', at(2), 'ArrowUp', 'list', 1, 'focus-active'],
    ['up from the first row: back to the search box', at(0), 'ArrowUp', 'list', 0, 'focus-search'],
    ['Home: the first row', at(3), 'Home', 'list', 0, 'focus-active'],
    ['End: the last stop', at(0), 'End', 'list', 3, 'focus-active'],
    ['Page Down: a page on', at(0), 'PageDown', 'list', 2, 'focus-active'],
    ['Page Down past the end: the last stop', at(2), 'PageDown', 'list', 3, 'focus-active'],
    ['Page Up past the start: the first row', at(1), 'PageUp', 'list', 0, 'focus-active'],
  ])('%s', (_, state, key, place, active, effect) => {
    const outcome = press(state, key, place);
    expect(outcome.state.active).toBe(active);
    expect(outcome.effect?.type).toBe(effect);
    expect(outcome.handled).toBe(true);
  });

  test.each(['ArrowUp', 'Home', 'End', 'PageUp', 'PageDown', ' '])(
    '%j in the search box is the text field’s own',
    (key) => {
      expect(press(at(1), key, 'search')).toEqual({ state: at(1), handled: false });
    },
  );

  test('moving calls off an armed call', () => {
    expect(press(at(0, 'a'), 'ArrowDown').state).toEqual(at(1));
  });

  test('keys with Ctrl, Alt or Meta are the browser’s', () => {
    expect(press(at(0), 'ArrowDown', 'list', false, true)).toEqual({ state: at(0), handled: false });
  });
});

describe('calling takes two presses', () => {
  test.each<[string, KeyState, string, KeyPlace, KeyState, string | undefined]>([
    ['Enter arms the active row', at(1), 'Enter', 'list', at(1, 'b'), undefined],
    ['Enter again places the call', at(1, 'b'), 'Enter', 'list', at(1), 'call'],
    ['Space on a row is Enter', at(1), ' ', 'list', at(1, 'b'), undefined],
    ['Enter in the search box arms the first result', at(-1), 'Enter', 'search', at(0, 'a'), undefined],
    ['Enter in the search box arms the highlighted result', at(2), 'Enter', 'search', at(2, 'c'), undefined],
    ['Enter again in the search box calls', at(2, 'c'), 'Enter', 'search', at(2), 'call'],
    ['Enter on another row re-arms for that one', at(2, 'a'), 'Enter', 'list', at(2, 'c'), undefined],
    ['Enter on the offline head opens or closes it', at(3), 'Enter', 'list', at(3), 'toggle-offline'],
  ])('%s', (_, state, key, place, next, effect) => {
    const outcome = press(state, key, place);
    expect(outcome.state).toEqual(next);
    expect(outcome.effect?.type).toBe(effect);
    expect(outcome.handled).toBe(true);
  });

  test('the call goes to the armed person', () => {
    expect(press(at(1, 'b'), 'Enter').effect).toEqual({ type: 'call', id: 'b' });
  });

  test('Enter with an empty list does nothing, quietly', () => {
    expect(pressKey(at(-1), { key: 'Enter', place: 'search', modified: false }, [], 2, true)).toEqual({
      state: at(-1),
      handled: true,
    });
  });
});

describe('Escape backs out one step at a time', () => {
  test.each<[string, KeyState, KeyPlace, boolean, KeyState, string | undefined, boolean]>([
    ['an armed call is cancelled', at(1, 'b'), 'list', true, at(1), undefined, true],
    ['then from the list to the search box', at(1), 'list', true, at(1), 'focus-search', true],
    ['then the search is cleared', at(1), 'search', true, at(1), 'clear-query', true],
    ['then the browser may close the popup', at(1), 'search', false, at(1), undefined, false],
  ])('%s', (_, state, place, hasQuery, next, effect, handled) => {
    const outcome = press(state, 'Escape', place, hasQuery);
    expect(outcome.state).toEqual(next);
    expect(outcome.effect?.type).toBe(effect);
    expect(outcome.handled).toBe(handled);
  });
});

test.each(['a', '李', 'Backspace'])('typing %j on a row goes back to the search box, key and all', (key) => {
  expect(press(at(1, 'b'), key)).toEqual({ state: at(1), effect: { type: 'focus-search' }, handled: false });
});

describe('the active row follows people, not positions', () => {
  test.each<[string, KeyTarget[], KeyTarget, number]>([
    ['the same person, wherever they moved', [c, a, b], { kind: 'person', id: id('b') }, 2],
    ['the offline head', [a, null, toggle], { kind: 'toggle' }, 2],
    ['the first row when they left', [c, a], b, 0],
    ['the first row when none was chosen', [null, a], null, 1],
    ['none in an empty list', [], a, -1],
  ])('%s', (_, targets, active, index) => {
    expect(activeIndex(targets, active)).toBe(index);
  });

  test.each<[KeyTarget | undefined, KeyTarget | undefined, boolean]>([
    [a, { kind: 'person', id: id('a') }, true],
    [a, b, false],
    [a, toggle, false],
    [toggle, { kind: 'toggle' }, true],
    [toggle, a, false],
    [null, null, false],
    [undefined, a, false],
  ])('%j and %j are the same row: %s', (x, y, same) => {
    expect(sameTarget(x, y)).toBe(same);
  });
});

import type { UserId } from '../../core/protocol/schemas';

/**
 * The people list's keyboard model, pure: arrows move, Enter arms a call and Enter again places
 * it, Escape backs out one step. Components turn the effects into focus moves and requests.
 */

/** What a row lets the keyboard do; `null` rows are skipped by the arrows. */
export type KeyTarget = { readonly kind: 'person'; readonly id: UserId } | { readonly kind: 'toggle' } | null;

export interface KeyState {
  /** The row the arrows are on (its button is the list's one tab stop); -1: none yet. */
  readonly active: number;
  /** The person whose call waits for a second Enter. */
  readonly armed: UserId | null;
}

/** Where the key was pressed: in the search box, or on a row of the list. */
export type KeyPlace = 'search' | 'list';

export interface KeyPress {
  readonly key: string;
  readonly place: KeyPlace;
  /** Ctrl, Alt or Meta held: shortcuts are the browser's, not ours. */
  readonly modified: boolean;
}

export type KeyEffect =
  | { readonly type: 'focus-search' }
  | { readonly type: 'focus-active' }
  | { readonly type: 'call'; readonly id: UserId }
  | { readonly type: 'toggle-offline' }
  | { readonly type: 'clear-query' };

export interface KeyOutcome {
  readonly state: KeyState;
  readonly effect?: KeyEffect;
  /** The key was ours: the component prevents the browser's default. */
  readonly handled: boolean;
}

function step(targets: readonly KeyTarget[], from: number, direction: 1 | -1): number {
  for (let index = from + direction; index >= 0 && index < targets.length; index += direction) {
    if (targets[index]) return index;
  }
  return -1;
}

export function firstTarget(targets: readonly KeyTarget[]): number {
  return step(targets, -1, 1);
}

function lastTarget(targets: readonly KeyTarget[]): number {
  return step(targets, targets.length, -1);
}

/** The target nearest to `index` going `direction` first, so Page keys land on something. */
function nearest(targets: readonly KeyTarget[], index: number, direction: 1 | -1): number {
  const clamped = Math.max(0, Math.min(targets.length - 1, index));
  if (targets[clamped]) return clamped;
  const ahead = step(targets, clamped, direction);
  return ahead >= 0 ? ahead : step(targets, clamped, direction === 1 ? -1 : 1);
}

/** The row Enter acts on: the active one, or from the search box the first one. */
function current(state: KeyState, targets: readonly KeyTarget[], place: KeyPlace): number {
  if (targets[state.active]) return state.active;
  return place === 'search' ? firstTarget(targets) : -1;
}

const moveTo = (state: KeyState, active: number): KeyOutcome =>
  active < 0
    ? { state, handled: true }
    : { state: { active, armed: null }, effect: { type: 'focus-active' }, handled: true };

export function pressKey(
  state: KeyState,
  press: KeyPress,
  targets: readonly KeyTarget[],
  pageSize: number,
  hasQuery: boolean,
): KeyOutcome {
  const ignored: KeyOutcome = { state, handled: false };
  if (press.modified) return ignored;
  const inList = press.place === 'list';
  const from = targets[state.active] ? state.active : -1;
  switch (press.key) {
    case 'ArrowDown': {
      // From the search box, into the list at the highlighted row; in the list, one row on.
      if (!inList || from < 0) return moveTo(state, from < 0 ? firstTarget(targets) : from);
      const next = step(targets, from, 1);
      return moveTo(state, next < 0 ? from : next);
    }
    case 'ArrowUp': {
      if (!inList) return ignored;
      const previous = step(targets, from, -1);
      if (previous < 0) return { state: { ...state, armed: null }, effect: { type: 'focus-search' }, handled: true };
      return moveTo(state, previous);
    }
    case 'Home':
      return inList ? moveTo(state, firstTarget(targets)) : ignored;
    case 'End':
      return inList ? moveTo(state, lastTarget(targets)) : ignored;
    case 'PageDown':
      return inList ? moveTo(state, nearest(targets, Math.max(from, 0) + pageSize, 1)) : ignored;
    case 'PageUp':
      return inList ? moveTo(state, nearest(targets, from - pageSize, -1)) : ignored;
    case ' ':
      if (!inList) return ignored;
    // falls through: on a row, Space is Enter, so it too asks before calling.
    case 'Enter': {
      const index = current(state, targets, press.place);
      const target = targets[index];
      if (!target) return { state, handled: press.key === 'Enter' };
      if (target.kind === 'toggle')
        return { state: { active: index, armed: null }, effect: { type: 'toggle-offline' }, handled: true };
      if (state.armed === target.id)
        return { state: { active: index, armed: null }, effect: { type: 'call', id: target.id }, handled: true };
      return { state: { active: index, armed: target.id }, handled: true };
    }
    case 'Escape':
      if (state.armed) return { state: { ...state, armed: null }, handled: true };
      if (inList) return { state, effect: { type: 'focus-search' }, handled: true };
      if (hasQuery) return { state, effect: { type: 'clear-query' }, handled: true };
      // Nothing to back out of: the browser may close the popup.
      return ignored;
    default:
      // Typing on a row goes on in the search box; the key itself still lands there.
      if (inList && (press.key.length === 1 || press.key === 'Backspace'))
        return { state: { ...state, armed: null }, effect: { type: 'focus-search' }, handled: false };
      return ignored;
  }
}

/** Whether two targets are the same row: the list changes under the keyboard, people stay who they are. */
export function sameTarget(a: KeyTarget | undefined, b: KeyTarget | undefined): boolean {
  if (!a || !b) return false;
  return a.kind === 'person' ? b.kind === 'person' && a.id === b.id : b.kind === 'toggle';
}

/**
 * The active row after the list changed (a search, someone came or went): the same person if they
 * are still listed, else the first row. Components keep the target, never a stale index.
 */
export function activeIndex(targets: readonly KeyTarget[], active: KeyTarget): number {
  if (active) {
    for (let index = 0; index < targets.length; index++) if (sameTarget(targets[index], active)) return index;
  }
  return firstTarget(targets);
}

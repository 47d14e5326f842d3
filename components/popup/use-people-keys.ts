import type { RefObject } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { UserId } from '../../utils/core/protocol/schemas';
import { activeIndex, pressKey, sameTarget, type KeyPlace, type KeyTarget } from '../../utils/pages/popup/keyboard';

interface Options {
  readonly targets: readonly KeyTarget[];
  readonly pageSize: number;
  readonly hasQuery: boolean;
  readonly search: RefObject<HTMLInputElement | null>;
  readonly list: RefObject<HTMLDivElement | null>;
  readonly call: (id: UserId) => void;
  readonly toggleOffline: () => void;
  readonly clearQuery: () => void;
  /** Says an armed call aloud (the row shows it too). */
  readonly armedAloud: (id: UserId) => void;
}

export interface PeopleKeys {
  /** The active row's index (the list's tab stop), or -1. */
  readonly active: number;
  /** The person whose call waits for a second Enter. */
  readonly armed: UserId | null;
  /** Scroll requests for the virtual list: a new object each time, so the same row can be asked for twice. */
  readonly reveal: { readonly index: number };
  readonly onKeyDown: (place: KeyPlace) => (event: KeyboardEvent) => void;
  /** A row got focus (Tab, a click): it becomes the active one. */
  readonly focusRow: (row: number) => void;
  /** A search started over: back to its first result, nothing armed, scrolled to the top. */
  readonly restart: () => void;
  /** A click on a row's Call button: that row, nothing armed. */
  readonly clicked: (row: number) => void;
  readonly revealRow: (row: number) => void;
}

/**
 * The people list's keyboard state in the component world: `keyboard.ts` decides, this hook keeps
 * the active row by identity (the list changes under it), moves focus and scrolls.
 */
export function usePeopleKeys({
  targets,
  pageSize,
  hasQuery,
  search,
  list,
  call,
  toggleOffline,
  clearQuery,
  armedAloud,
}: Options): PeopleKeys {
  const [activeTarget, setActiveTarget] = useState<KeyTarget>(null);
  const [armedFor, setArmed] = useState<UserId | null>(null);
  const [reveal, setReveal] = useState<{ readonly index: number }>({ index: -1 });
  const focusActive = useRef(false);
  const active = activeIndex(targets, activeTarget);
  // An armed call is for the active row; once that row is someone else (they left), it is off.
  const armed = armedFor !== null && sameTarget(targets[active], { kind: 'person', id: armedFor }) ? armedFor : null;

  useLayoutEffect(() => {
    if (!focusActive.current) return;
    focusActive.current = false;
    list.current?.querySelector<HTMLElement>('.is-active button')?.focus();
  });
  useEffect(() => {
    // Only a newly armed call is announced.
    if (armed) armedAloud(armed);
  }, [armed, armedAloud]);

  const onKeyDown = (place: KeyPlace) => (event: KeyboardEvent) => {
    // Enter while an input method is composing (pinyin, say) belongs to the input method.
    if (event.isComposing) return;
    const outcome = pressKey(
      { active, armed },
      { key: event.key, place, modified: event.ctrlKey || event.altKey || event.metaKey },
      targets,
      pageSize,
      hasQuery,
    );
    // Typing in the search box is not ours: no state to change, no second render per keystroke.
    if (!outcome.handled && !outcome.effect) return;
    if (outcome.handled) event.preventDefault();
    setActiveTarget(targets[outcome.state.active] ?? null);
    setArmed(outcome.state.armed);
    if (outcome.state.active !== active || outcome.effect?.type === 'focus-active')
      setReveal({ index: outcome.state.active });
    switch (outcome.effect?.type) {
      case 'focus-search':
        search.current?.focus();
        return;
      case 'focus-active':
        focusActive.current = true;
        return;
      case 'call':
        call(outcome.effect.id);
        return;
      case 'toggle-offline':
        toggleOffline();
        return;
      case 'clear-query':
        setActiveTarget(null);
        clearQuery();
        return;
      case undefined:
        return;
    }
  };

  return {
    active,
    armed,
    reveal,
    onKeyDown,
    focusRow: (row) => {
      setActiveTarget(targets[row] ?? null);
      if (armed && !sameTarget(targets[row], { kind: 'person', id: armed })) setArmed(null);
    },
    restart: () => {
      setActiveTarget(null);
      setArmed(null);
      setReveal({ index: 0 });
    },
    clicked: (row) => {
      setActiveTarget(targets[row] ?? null);
      setArmed(null);
    },
    revealRow: (row) => setReveal({ index: row }),
  };
}

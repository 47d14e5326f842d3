import type { Timers } from '../../core/timers';
import type { UserId } from '../../core/protocol/schemas';
import type { SendCallResult } from '../../core/messages/roster-state';
import type { MarkState } from '../marks/presence-view';
import { callOutcome } from './call-outcome';
import { createCardElement, type CardElement, type Translate } from './card-element';
import { placeCard } from './card-position';
import { STATE_ATTRIBUTE, type MarkLabels } from '../marks/mark-element';
import { asNode, isOnline, listenTrusted, markOf as markOfOwned } from './card-events';

const OPEN_DELAY_MS = 250;
const LEAVE_DELAY_MS = 300;

export interface CardSubject {
  readonly userId: UserId;
  readonly name: string;
}

export interface HoverCardDeps {
  readonly window: Window;
  readonly timers: Timers;
  readonly text: Translate;
  readonly labels: MarkLabels;
  /** Who a mark stands for; `undefined` for marks this page's marker does not own. */
  readonly subjectOf: (mark: Element) => CardSubject | undefined;
  readonly stateOf: (userId: UserId) => MarkState;
  readonly call: (userId: UserId) => Promise<SendCallResult>;
}

/** What a person did to an online colleague's mark, which opens the card. */
export type CardIntent = 'hover' | 'focus' | 'click' | 'key';

export interface HoverCard {
  /**
   * Acts on what a person did before this card was loaded (see card-loader.ts), as its own
   * listeners would have; only for a trusted event, which the caller checked.
   */
  replay(mark: Element, intent: CardIntent): void;
  /** These users' state changed (all users when absent): an open card about one of them follows. */
  refresh(ids?: Iterable<UserId>): void;
  close(): void;
  /** The card's own nodes, which the row observer ignores. */
  isOwn(node: Node): boolean;
}

interface Open {
  readonly mark: Element;
  readonly subject: CardSubject;
  pinned: boolean;
}

/**
 * The card of an online colleague: opened by hovering a mark, focusing it (Tab) or clicking it;
 * Enter, Space or ↓ on a mark moves focus to Call; Escape or Tab leaves back to the mark. All
 * events are handled by a few listeners on the window, never one per mark.
 */
export function createHoverCard(deps: HoverCardDeps, signal: AbortSignal): HoverCard {
  const { timers } = deps;
  const doc = deps.window.document;
  let card: CardElement | undefined;
  let open: Open | undefined;
  let pointerInside = false;
  let openTimer: ReturnType<Timers['setTimeout']> | undefined;
  let leaveTimer: ReturnType<Timers['setTimeout']> | undefined;
  let callToken = 0;
  /** Focus going back to a mark after the card closed must not open the card again. */
  let returningTo: Element | undefined;

  const inCard = (target: EventTarget | null): boolean => {
    const node = asNode(target);
    return !!card && !!node && card.root.contains(node);
  };
  const owns = (mark: Element) => deps.subjectOf(mark) !== undefined;
  const markOf = (target: EventTarget | null) => markOfOwned(target, owns);

  const stop = (timer: ReturnType<Timers['setTimeout']> | undefined) =>
    timer !== undefined && timers.clearTimeout(timer);
  const cancelOpen = () => {
    stop(openTimer);
    openTimer = undefined;
  };
  const cancelLeave = () => {
    stop(leaveTimer);
    leaveTimer = undefined;
  };

  const build = (): CardElement => {
    const built = createCardElement(doc, deps.text);
    // Outside <body>: a transformed or clipped body cannot trap a fixed-position card.
    doc.documentElement.append(built.root);
    return built;
  };

  const position = (mark: Element, view: CardElement) => {
    const box = view.root.getBoundingClientRect();
    const place = placeCard(mark.getBoundingClientRect(), box, {
      width: deps.window.innerWidth,
      height: deps.window.innerHeight,
    });
    view.moveTo(place.left, place.top, place.side);
  };

  const show = (mark: Element, options: { pinned?: boolean; focusCall?: boolean } = {}) => {
    cancelOpen();
    cancelLeave();
    const subject = deps.subjectOf(mark);
    if (!subject || deps.stateOf(subject.userId) !== 'online') return;
    if (open && open.mark !== mark) close();
    const view = (card ??= build());
    if (!view.root.isConnected) doc.documentElement.append(view.root);
    if (!open) {
      view.show(subject.name, 'online', deps.labels);
      view.outcome('', 'none');
      view.root.hidden = false;
      position(mark, view);
      // The native tooltip would cover the card: the card says the same and more.
      mark.removeAttribute('title');
      mark.setAttribute('aria-expanded', 'true');
      open = { mark, subject, pinned: false };
    }
    if (options.pinned) open.pinned = true;
    if (options.focusCall) view.call.focus();
  };

  function close(options: { restoreFocus?: boolean } = {}): void {
    cancelOpen();
    cancelLeave();
    const was = open;
    open = undefined;
    callToken++;
    if (card) card.root.hidden = true;
    if (!was) return;
    const state = was.mark.getAttribute(STATE_ATTRIBUTE) as MarkState | null;
    if (state && !was.mark.hasAttribute('title')) was.mark.setAttribute('title', deps.labels[state]);
    if (state === 'online') was.mark.setAttribute('aria-expanded', 'false');
    if (options.restoreFocus && was.mark.isConnected && state === 'online') {
      returningTo = was.mark;
      (was.mark as HTMLElement).focus();
      returningTo = undefined;
    }
  }

  const leaveSoon = () => {
    cancelLeave();
    if (!open || open.pinned) return;
    leaveTimer = timers.setTimeout(() => {
      leaveTimer = undefined;
      const focused = doc.activeElement;
      if (open && !open.pinned && !pointerInside && !inCard(focused) && focused !== open.mark) close();
    }, LEAVE_DELAY_MS);
  };

  const ring = () => {
    const current = open;
    const view = card;
    if (!current || !view) return;
    const token = ++callToken;
    current.pinned = true;
    view.call.disabled = true;
    view.outcome(deps.text('cardCalling'), 'busy');
    const settle = (result: SendCallResult | undefined) => {
      view.call.disabled = false;
      if (token !== callToken) return;
      const outcome = callOutcome(result);
      view.outcome(deps.text(outcome.key), outcome.tone);
    };
    deps.call(current.subject.userId).then(settle, () => settle(undefined));
  };

  const listen = <K extends keyof WindowEventMap>(
    type: K,
    handler: (event: WindowEventMap[K], target: EventTarget | null) => void,
    passive = false,
  ) => listenTrusted(deps.window, type, handler, signal, passive);

  const acts: Record<CardIntent, (mark: Element) => void> = {
    hover(mark) {
      pointerInside = true;
      cancelOpen();
      openTimer = timers.setTimeout(() => show(mark), OPEN_DELAY_MS);
    },
    focus: (mark) => show(mark),
    click(mark) {
      if (open?.mark === mark && open.pinned) close();
      else show(mark, { pinned: true });
    },
    key: (mark) => show(mark, { pinned: true, focusCall: true }),
  };

  listen('pointerover', (event, target) => {
    const mark = markOf(target);
    if (inCard(target) || (mark && mark === open?.mark)) {
      pointerInside = true;
      cancelLeave();
      return;
    }
    if (mark && isOnline(mark)) acts.hover(mark);
  });

  listen('pointerout', (event, target) => {
    const from = markOf(target) ?? (inCard(target) ? card?.root : undefined);
    if (!from) return;
    const to = event.relatedTarget;
    if (inCard(to) || (open && markOf(to) === open.mark)) return;
    pointerInside = false;
    cancelOpen();
    leaveSoon();
  });

  listen('focusin', (event, target) => {
    if (inCard(target)) return cancelLeave();
    const mark = markOf(target);
    if (mark && mark === returningTo) return;
    if (mark && isOnline(mark)) acts.focus(mark);
    else if (open && !open.pinned) close();
  });

  listen('focusout', () => leaveSoon());

  listen('click', (event, target) => {
    if (inCard(target)) {
      // The page's own handlers have no business with the card.
      event.stopPropagation();
      const node = asNode(target);
      if (card && node && card.call.contains(node)) ring();
      return;
    }
    const mark = markOf(target);
    if (mark && isOnline(mark)) {
      // A mark inside a link or a clickable row must not navigate or trigger the row.
      event.preventDefault();
      event.stopPropagation();
      acts.click(mark);
      return;
    }
    if (open) close();
  });

  listen('keydown', (event, target) => {
    if (open && inCard(target)) {
      event.stopPropagation();
      if (event.key === 'Escape' || event.key === 'Tab') {
        event.preventDefault();
        close({ restoreFocus: true });
      }
      return;
    }
    const mark = markOf(target);
    if (!mark || !isOnline(mark)) return;
    if (event.key === 'Enter' || event.key === ' ' || event.key === 'ArrowDown') {
      event.preventDefault();
      event.stopPropagation();
      acts.key(mark);
    } else if (event.key === 'Escape' && open) {
      event.preventDefault();
      event.stopPropagation();
      close();
    }
  });

  const dismiss = () => open && close();
  listen('scroll', dismiss, true);
  listen('resize', dismiss, true);

  signal.addEventListener(
    'abort',
    () => {
      close();
      card?.root.remove();
      card = undefined;
    },
    { once: true },
  );

  return {
    replay(mark, intent) {
      if (markOf(mark) === mark && isOnline(mark)) acts[intent](mark);
    },
    refresh(ids) {
      if (!open || !card) return;
      if (ids && ![...ids].includes(open.subject.userId)) return;
      if (!open.mark.isConnected) return close();
      card.show(open.subject.name, deps.stateOf(open.subject.userId), deps.labels);
    },
    close: () => close(),
    isOwn: (node) => !!card && (node === card.root || card.root.contains(node)),
  };
}

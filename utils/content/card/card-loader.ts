import { createLogger } from '../../core/log';
import { offerPart } from '../part-shelf';
import { isOnline, listenTrusted, markOf } from './card-events';
import type { CardIntent, HoverCard, HoverCardDeps } from './hover-card';

const log = createLogger('card');

interface Wanted {
  readonly mark: Element;
  readonly intent: CardIntent;
}

const OPENING_KEYS = new Set(['Enter', ' ', 'ArrowDown']);

/** The pointer or focus may have left the mark while the card loaded; a press stands. */
function stillWanted({ mark, intent }: Wanted): boolean {
  if (!mark.isConnected) return false;
  if (intent === 'hover') return mark.matches(':hover');
  return intent === 'focus' ? mark.matches(':focus') : true;
}

/**
 * The hover card, loaded on first use: until then a few listeners wait for what a person does to
 * an online colleague's mark. The first such act asks the background for the card (`load`); once
 * it runs, it acts on the latest act if that still holds. A click or key on a mark is taken at
 * once, as the card itself would take it, so a mark inside a link never navigates.
 */
export function loadHoverCardOnUse(deps: HoverCardDeps, load: () => Promise<unknown>, signal: AbortSignal): HoverCard {
  let card: HoverCard | undefined;
  let wanted: Wanted | undefined;
  let loading = false;
  const waiting = new AbortController();
  const whileWaiting = AbortSignal.any([signal, waiting.signal]);
  const owns = (mark: Element) => deps.subjectOf(mark) !== undefined;
  const onlineMark = (target: EventTarget | null) => {
    const mark = markOf(target, owns);
    return mark && isOnline(mark) ? mark : undefined;
  };

  offerPart(
    'hover-card',
    {
      deps,
      signal,
      started(started) {
        card = started;
        waiting.abort();
        if (wanted && stillWanted(wanted)) started.replay(wanted.mark, wanted.intent);
        wanted = undefined;
      },
    },
    () => !signal.aborted,
  );

  const want = (mark: Element, intent: CardIntent) => {
    wanted = { mark, intent };
    if (loading) return;
    loading = true;
    // The card starts while the background injects it, before this settles; if it did not, the
    // next act asks again.
    const settled = () => (loading = card === undefined ? false : loading);
    load().then(settled, (error: unknown) => {
      settled();
      log.debug('could not load the hover card', error);
    });
  };

  listenTrusted(
    deps.window,
    'pointerover',
    (_, target) => {
      const mark = onlineMark(target);
      if (mark) want(mark, 'hover');
    },
    whileWaiting,
  );
  listenTrusted(
    deps.window,
    'focusin',
    (_, target) => {
      const mark = onlineMark(target);
      if (mark) want(mark, 'focus');
    },
    whileWaiting,
  );
  listenTrusted(
    deps.window,
    'click',
    (event, target) => {
      const mark = onlineMark(target);
      if (!mark) return;
      event.preventDefault();
      event.stopPropagation();
      want(mark, 'click');
    },
    whileWaiting,
  );
  listenTrusted(
    deps.window,
    'keydown',
    (event, target) => {
      const mark = OPENING_KEYS.has(event.key) ? onlineMark(target) : undefined;
      if (!mark) return;
      event.preventDefault();
      event.stopPropagation();
      want(mark, 'key');
    },
    whileWaiting,
  );

  return {
    replay: (mark, intent) => card?.replay(mark, intent),
    refresh: (ids) => card?.refresh(ids),
    close() {
      wanted = undefined;
      card?.close();
    },
    isOwn: (node) => card?.isOwn(node) ?? false,
  };
}

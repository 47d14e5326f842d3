import type { MessageKey } from '../../extension/i18n';
import type { MarkState } from '../marks/presence-view';
import type { Tone } from './call-outcome';
import { STATE_ATTRIBUTE } from '../marks/mark-element';

export const CARD_TAG = 'roster-card';
export const CARD_CLASS = 'roster-ext-card';

export type Translate = (key: MessageKey, ...substitutions: string[]) => string;

/** The hover card's DOM: built once per page, names always set as text. */
export interface CardElement {
  readonly root: HTMLElement;
  readonly call: HTMLButtonElement;
  show(name: string, state: MarkState, labels: Readonly<Record<MarkState, string>>): void;
  outcome(text: string, tone: Tone | 'busy' | 'none'): void;
  /** Viewport position, through custom properties: the stylesheet's `!important` resets keep the rest. */
  moveTo(left: number, top: number, side: 'below' | 'above'): void;
}

export function createCardElement(doc: Document, text: Translate): CardElement {
  const part = (tag: string) => doc.createElement(`roster-card-${tag}`);
  const root = doc.createElement(CARD_TAG);
  root.className = CARD_CLASS;
  root.hidden = true;
  root.setAttribute('role', 'dialog');
  const nameId = `roster-card-name-${Math.random().toString(36).slice(2)}`;
  root.setAttribute('aria-labelledby', nameId);

  const head = part('head');
  const dot = part('dot');
  dot.setAttribute('aria-hidden', 'true');
  const name = part('name');
  name.id = nameId;
  head.append(dot, name);
  const status = part('status');
  const actions = part('actions');
  const call = doc.createElement('button');
  call.type = 'button';
  call.className = `${CARD_CLASS}-call`;
  call.textContent = text('call');
  const result = part('result');
  result.setAttribute('role', 'status');
  result.setAttribute('aria-live', 'polite');
  actions.append(call, result);
  root.append(head, status, actions);

  return {
    root,
    call,
    show(shownName, state, labels) {
      name.textContent = shownName;
      name.setAttribute('title', shownName);
      dot.setAttribute(STATE_ATTRIBUTE, state);
      status.textContent = labels[state];
      call.hidden = state !== 'online';
      call.setAttribute('aria-label', text('callTo', shownName));
    },
    outcome(message, tone) {
      result.textContent = message;
      result.setAttribute('data-tone', tone);
    },
    moveTo(left, top, side) {
      root.style.setProperty('--roster-card-left', `${left}px`);
      root.style.setProperty('--roster-card-top', `${top}px`);
      root.setAttribute('data-side', side);
    },
  };
}

import type { MarkState } from './presence-view';
import type { MarkRenderer } from './marker';
import type { MarkSpot } from '../tables/profile';

/** A custom element name and a prefixed class: no host selector aims at them by accident. */
export const MARK_TAG = 'roster-mark';
export const MARK_CLASS = 'roster-ext-mark';
export const STATE_ATTRIBUTE = 'data-roster-state';

export type MarkLabels = Readonly<Record<MarkState, string>>;

const STATES: readonly MarkState[] = ['online', 'offline', 'me', 'unknown'];

/** Void and replaced elements cannot hold a mark: it goes beside them instead. */
const NO_CHILDREN = new Set([
  'AREA',
  'BASE',
  'BR',
  'COL',
  'EMBED',
  'HR',
  'IMG',
  'INPUT',
  'LINK',
  'META',
  'SOURCE',
  'TRACK',
  'WBR',
  'IFRAME',
  'VIDEO',
  'AUDIO',
  'CANVAS',
  'OBJECT',
  'SELECT',
  'TEXTAREA',
  'PICTURE',
]);
const HTML = 'http://www.w3.org/1999/xhtml';

function holdsMark(anchor: Element): boolean {
  return anchor.namespaceURI === HTML && !NO_CHILDREN.has(anchor.tagName);
}

/** Only an online colleague is interactive (the hover card with Call); the rest are images with a label. */
function paint(mark: Element, state: MarkState, labels: MarkLabels): void {
  mark.setAttribute(STATE_ATTRIBUTE, state);
  mark.setAttribute('title', labels[state]);
  mark.setAttribute('aria-label', labels[state]);
  if (state === 'online') {
    mark.setAttribute('role', 'button');
    mark.setAttribute('tabindex', '0');
    mark.setAttribute('aria-haspopup', 'dialog');
    mark.setAttribute('aria-expanded', 'false');
  } else {
    mark.setAttribute('role', 'img');
    mark.removeAttribute('tabindex');
    mark.removeAttribute('aria-haspopup');
    mark.removeAttribute('aria-expanded');
  }
}

export function isMark(node: Node): boolean {
  return node.nodeType === 1 && (node as Element).localName === MARK_TAG;
}

/** Marks as DOM elements. One prototype per state is cloned: 10,000 marks cost 10,000 clones, not 60,000 attribute writes. */
export function createMarkRenderer(doc: Document, labels: MarkLabels): MarkRenderer {
  const prototypes = new Map<MarkState, Element>();
  for (const state of STATES) {
    const mark = doc.createElement(MARK_TAG);
    mark.className = MARK_CLASS;
    paint(mark, state, labels);
    prototypes.set(state, mark);
  }
  const parentFor = (spot: MarkSpot): Node | null => (holdsMark(spot.anchor) ? spot.anchor : spot.anchor.parentNode);
  return {
    create(state) {
      const prototype = prototypes.get(state);
      if (!prototype) throw new Error(`no mark for ${state}`);
      return prototype.cloneNode(false) as Element;
    },
    update(mark, state) {
      if (mark.getAttribute(STATE_ATTRIBUTE) !== state) paint(mark, state, labels);
    },
    place(mark, spot) {
      const { anchor, position } = spot;
      if (holdsMark(anchor)) {
        // Not insertBefore(mark, anchor.firstChild): touching the first child costs it a wrapper in the isolated world.
        if (position === 'before') anchor.prepend(mark);
        else anchor.append(mark);
      } else if (position === 'before') anchor.before(mark);
      else anchor.after(mark);
    },
    isPlaced(mark, spot) {
      return mark.parentNode !== null && mark.parentNode === parentFor(spot);
    },
  };
}

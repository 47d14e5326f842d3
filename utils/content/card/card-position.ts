export interface Box {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
}

export interface CardPlacement {
  readonly left: number;
  readonly top: number;
  readonly side: 'below' | 'above';
}

const GAP = 6;
const EDGE = 8;

/**
 * Where the card goes beside its mark (viewport coordinates): below, or above when there is no
 * room below; its left edge at the mark's, kept inside the viewport. Pure.
 */
export function placeCard(
  mark: Box,
  card: { readonly width: number; readonly height: number },
  viewport: { readonly width: number; readonly height: number },
): CardPlacement {
  const below = mark.top + mark.height + GAP;
  const fitsBelow = below + card.height <= viewport.height - EDGE;
  const above = mark.top - GAP - card.height;
  const side = fitsBelow || above < EDGE ? 'below' : 'above';
  const maxLeft = Math.max(EDGE, viewport.width - EDGE - card.width);
  const left = Math.min(Math.max(EDGE, mark.left - 4), maxLeft);
  return { left: Math.round(left), top: Math.round(side === 'below' ? below : above), side };
}

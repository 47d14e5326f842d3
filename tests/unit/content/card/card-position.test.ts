import { expect, test } from 'vitest';
import { placeCard } from '../../../../utils/content/card/card-position';

const card = { width: 200, height: 90 };
const viewport = { width: 1000, height: 700 };
const mark = (left: number, top: number) => ({ left, top, width: 8, height: 8 });

test.each([
  ['below the mark when there is room', mark(300, 100), { left: 296, top: 114, side: 'below' }],
  ['above it near the bottom edge', mark(300, 650), { left: 296, top: 554, side: 'above' }],
  ['kept inside the right edge', mark(990, 100), { left: 792, top: 114, side: 'below' }],
  ['kept inside the left edge', mark(2, 100), { left: 8, top: 114, side: 'below' }],
  ['below anyway when neither side fits', mark(300, 40), { left: 296, top: 54, side: 'below' }],
])('%s', (_, at, expected) => {
  expect(placeCard(at, card, { ...viewport, height: at.top === 40 ? 120 : viewport.height })).toEqual(expected);
});

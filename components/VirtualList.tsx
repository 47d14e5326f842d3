import type { ComponentChildren } from 'preact';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { revealRow, visibleRange } from '../utils/pages/popup/virtual-window';

interface Props {
  readonly id?: string;
  readonly class?: string;
  /** The list's accessible name. */
  readonly label: string;
  readonly count: number;
  readonly rowHeight: number;
  /** The most the list may take; it shrinks to fit fewer rows. */
  readonly maxHeight: number;
  /** Rendered even when scrolled away, so the focused row (and its focus) survives scrolling. */
  readonly keep?: number;
  /** Scrolled into view whenever a new object is passed (the same row may be asked for twice). */
  readonly reveal?: { readonly index: number };
  /** Rows rendered beyond each edge of the viewport. */
  readonly overscan?: number;
  /** One row; the list wraps it in a positioned `<li>` with its key. */
  readonly row: (index: number) => {
    readonly key: string;
    readonly class?: string;
    readonly children: ComponentChildren;
  };
}

/**
 * A list of equal-height rows that puts only the visible ones in the DOM: 5,000 people cost what
 * 20 do. Rows keep their place in the list for assistive technology (`aria-setsize`/`aria-posinset`).
 */
export function VirtualList({
  id,
  class: className,
  label,
  count,
  rowHeight,
  maxHeight,
  keep,
  reveal,
  overscan = 6,
  row,
}: Props) {
  const viewport = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const height = Math.min(maxHeight, count * rowHeight);

  useLayoutEffect(() => {
    const element = viewport.current;
    if (!element || !reveal || reveal.index < 0) return;
    // From the position we track, not `element.scrollTop`: reading that forces a layout on every keystroke.
    const next = revealRow(reveal.index, scrollTop, height, rowHeight);
    if (next !== scrollTop) {
      element.scrollTop = next;
      setScrollTop(next);
    }
    // Only a new request to reveal moves the list (not the scroll position): scrolling by hand must not snap back.
  }, [reveal, height, rowHeight]);

  const range = visibleRange(scrollTop, height, rowHeight, count, overscan);
  const indexes: number[] = [];
  if (keep !== undefined && keep >= 0 && keep < range.start) indexes.push(keep);
  for (let index = range.start; index < range.end; index++) indexes.push(index);
  if (keep !== undefined && keep >= range.end && keep < count) indexes.push(keep);

  return (
    <div
      ref={viewport}
      class={`virtual-list${className ? ` ${className}` : ''}`}
      style={{ height: `${height}px` }}
      onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}
    >
      <ul id={id} aria-label={label} style={{ height: `${count * rowHeight}px` }}>
        {indexes.map((index) => {
          const item = row(index);
          return (
            <li
              key={item.key}
              class={item.class}
              aria-setsize={count}
              aria-posinset={index + 1}
              style={{ top: `${index * rowHeight}px`, height: `${rowHeight}px` }}
            >
              {item.children}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

import { mainBodyOfCopy } from './element-body';
import type { RowProfile } from './profile';
import { readText } from './text';

/** Elements whose children are not inline content: a mark there would break the host's markup. */
const NO_INLINE_CONTENT = new Set([
  'TABLE',
  'THEAD',
  'TBODY',
  'TFOOT',
  'COLGROUP',
  'COL',
  'SELECT',
  'OPTGROUP',
  'OPTION',
  'DATALIST',
  'TEXTAREA',
  'SCRIPT',
  'STYLE',
  'TEMPLATE',
  'HTML',
  'HEAD',
  'BODY',
  'UL',
  'OL',
  'DL',
]);

const ROWS = '[data-user-id]';

/**
 * Any element with `data-user-id` (and optionally `data-user-name`): the host says who it is.
 * A `<tr>` gets its mark in the cell that shows the name (or its first cell with text).
 */
export const dataAttributesProfile: RowProfile = {
  key: 'builtin:dataAttributes',
  rows: ROWS,
  yieldsToMarkedRows: true,
  attributes: ['data-user-id', 'data-user-name'],
  /*
   * Searching costs a visit to every element of the container: 140,000 for 10,000 Element UI rows.
   * Its fixed-column copies are searched only when their main body (searched anyway, once per batch)
   * holds a user chip: no chip there, none in the copies, and 20,000 copied rows are not visited.
   */
  rowsIn(container, headers) {
    const main = mainBodyOfCopy(container);
    if (main && headers.matching(main, ROWS).length === 0) return [];
    return headers.matching(container, ROWS);
  },
  read(element) {
    if (NO_INLINE_CONTENT.has(element.tagName)) return undefined;
    // The outermost element that names the user carries the mark, not every element inside it.
    if (element.parentElement?.closest('[data-user-id]')) return undefined;
    const id = element.getAttribute('data-user-id') ?? undefined;
    const name = element.getAttribute('data-user-name') ?? undefined;
    const anchor = element.tagName === 'TR' ? cellFor(element as HTMLTableRowElement, name) : element;
    if (!anchor) return undefined;
    return { kind: 'user', id, name, anchor, position: 'before' };
  },
};

function cellFor(row: HTMLTableRowElement, name: string | undefined): Element | undefined {
  const cells = [...row.cells];
  return (
    (name ? cells.find((cell) => readText(cell) === name.trim()) : undefined) ??
    cells.find((cell) => readText(cell) !== '')
  );
}

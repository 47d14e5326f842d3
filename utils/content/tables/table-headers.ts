import { findUserColumns, type UserColumns } from '../../core/sites/header-words';
import { rowsMatching } from './rows-matching';
import { readText } from './text';

/*
 * Speed matters here: a content script pays for every host element it touches (each needs a
 * wrapper in the isolated world). So a table's layout is worked out once per batch, and a row is
 * walked only up to the cell that is needed.
 */

/** A table's header texts and how to find a column's cell in one of its rows. */
export interface TableHeaders {
  readonly kind: 'plain' | 'element';
  /** One entry per column, in order; compared after normalizing. */
  readonly texts: readonly string[];
  /** Found once per table: the built-in profiles' name and id columns. */
  readonly users: UserColumns | undefined;
  /** Columns this body hides because another copy of the row shows them (Element UI's fixed columns). */
  readonly hidden: ReadonlySet<number>;
  /** `undefined` for header rows and rows without that column. */
  cellAt(row: Element, column: number): Element | undefined;
}

/** The header row of whatever table a row is in, looked up once per batch of rows. */
export interface HeaderLookup {
  of(row: Element): TableHeaders | undefined;
  /** The same for a row container (a `<tbody>`), before touching any of its rows. */
  ofParent(parent: Element): TableHeaders | undefined;
  /**
   * `rowsMatching(container, selector)`, searched once per batch: a profile may ask about another
   * container than the one it is given (Element UI's main body, for its fixed-column copies).
   */
  matching(container: Element, selector: string): readonly Element[];
}

const ELEMENT_COLUMN = /\bel-table_\d+_column_\d+\b/;
const NOTHING: ReadonlySet<number> = new Set();

function childWhere(parent: Element | null, test: (child: Element) => boolean): Element | undefined {
  for (let child = parent?.firstElementChild; child; child = child.nextElementSibling) if (test(child)) return child;
  return undefined;
}

const withClass = (name: string) => (child: Element) => child.classList.contains(name);

function columnClass(element: Element): string | undefined {
  return ELEMENT_COLUMN.exec(element.className)?.[0];
}

function thsByColumn(wrapper: Element | undefined): Map<string, Element> {
  const byColumn = new Map<string, Element>();
  for (const th of wrapper?.querySelectorAll('th') ?? []) {
    const name = columnClass(th);
    if (name) byColumn.set(name, th);
  }
  return byColumn;
}

/**
 * Element UI: headers live in a separate table, and each fixed-column section repeats the whole
 * table with the columns it does not show marked `is-hidden`. One body table's columns come from
 * its `<colgroup>` (leaf columns, in order); their texts from the main header; what this body hides
 * from its own section's header.
 */
function elementHeaders(body: HTMLTableElement): TableHeaders | undefined {
  const root = body.closest('.el-table');
  const section = body.parentElement?.parentElement ?? null;
  if (!root || !section) return undefined;
  const main = thsByColumn(childWhere(root, withClass('el-table__header-wrapper')));
  const own = section === root ? main : thsByColumn(childWhere(section, withClass('el-table__fixed-header-wrapper')));
  const colgroup = childWhere(body, (child) => child.tagName === 'COLGROUP');
  const columns = [...(colgroup?.children ?? [])].flatMap((col) => col.getAttribute('name') ?? []);
  const order = columns.length > 0 ? columns : [...main.keys()];
  const texts = order.map((name) => readText(main.get(name)));
  const hidden = new Set(
    order.flatMap((name, index) => (own.get(name)?.classList.contains('is-hidden') ? [index] : [])),
  );
  return {
    kind: 'element',
    texts,
    users: findUserColumns(texts),
    hidden,
    cellAt(row, column) {
      const name = order[column];
      if (row.parentElement?.tagName !== 'TBODY') return undefined;
      if (name === undefined) return undefined;
      let cell = row.firstElementChild;
      for (let index = 0; index < column && cell; index++) cell = cell.nextElementSibling;
      if (cell?.className.includes(name)) return cell;
      // Cells merged by a span-method shift the others: look it up by class.
      for (let other = row.firstElementChild; other; other = other.nextElementSibling)
        if (other.className.includes(name)) return other;
      return undefined;
    },
  };
}

function headerRowOf(table: HTMLTableElement): HTMLTableRowElement | undefined {
  const head = table.tHead?.rows;
  if (head && head.length > 0) return head[head.length - 1];
  const first = table.rows[0];
  if (first && first.cells.length > 0 && [...first.cells].every((cell) => cell.tagName === 'TH')) return first;
  return undefined;
}

/** A plain `<table>`: the last row of its `<thead>`, or a first row of `<th>`s; colspans counted. */
function plainHeaders(table: HTMLTableElement): TableHeaders | undefined {
  const headerRow = headerRowOf(table);
  if (!headerRow) return undefined;
  const texts: string[] = [];
  for (const cell of headerRow.cells) {
    texts.push(readText(cell));
    for (let extra = 1; extra < cell.colSpan; extra++) texts.push('');
  }
  return {
    kind: 'plain',
    texts,
    users: findUserColumns(texts),
    hidden: NOTHING,
    cellAt(row, column) {
      if (row === headerRow || row.parentElement?.tagName === 'THEAD' || row.parentElement?.tagName === 'TFOOT')
        return undefined;
      const cells = (row as HTMLTableRowElement).cells;
      // As many cells as columns: no colspan to count.
      if (cells.length === texts.length) return cells[column];
      let start = 0;
      for (const cell of cells) {
        const end = start + Math.max(1, cell.colSpan);
        if (column < end) return column === start ? cell : undefined;
        start = end;
      }
      return undefined;
    },
  };
}

/** Reads each table's layout, and searches each container, once per batch: a thousand rows of one table cost one header read. */
export function createHeaderLookup(): HeaderLookup {
  const byParent = new Map<Element, TableHeaders | undefined>();
  const byTable = new Map<Element, TableHeaders | undefined>();
  const ofTable = (table: HTMLTableElement) => {
    if (!byTable.has(table)) {
      const element = table.classList.contains('el-table__body') || table.classList.contains('el-table__header');
      byTable.set(table, element ? elementHeaders(table) : plainHeaders(table));
    }
    return byTable.get(table);
  };
  const ofParent = (parent: Element) => {
    if (!byParent.has(parent)) {
      const table = parent.closest('table');
      byParent.set(parent, table ? ofTable(table) : undefined);
    }
    return byParent.get(parent);
  };
  const searched = new Map<Element, Map<string, readonly Element[]>>();
  const matching = (container: Element, selector: string) => {
    let bySelector = searched.get(container);
    if (!bySelector) searched.set(container, (bySelector = new Map<string, readonly Element[]>()));
    let found = bySelector.get(selector);
    if (!found) bySelector.set(selector, (found = rowsMatching(container, selector)));
    return found;
  };
  return {
    of: (row) => (row.parentElement ? ofParent(row.parentElement) : undefined),
    ofParent,
    matching,
  };
}

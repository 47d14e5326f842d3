import type { RowProfile } from './profile';
import type { HeaderLookup } from './table-headers';
import type { TableHeaders } from './table-headers';
import { guessedId } from './guessed-id';
import { readText } from './text';

const ROW = 'el-table__row';

/** The column that carries the mark is hidden in this body: its rows are copies of rows shown elsewhere. */
function copiesOnly(table: TableHeaders): boolean {
  const marked = table.users?.name ?? table.users?.id;
  return marked !== undefined && table.hidden.has(marked);
}

/** Rows of the bodies that show the marked column; the copies in the other bodies are never touched. */
function* visibleRows(container: Element, headers: HeaderLookup): Iterable<Element> {
  const row = container.closest(`tr.${ROW}`);
  if (row) {
    yield row;
    return;
  }
  const bodies =
    container.tagName === 'TBODY' ? [container] : container.querySelectorAll('table.el-table__body > tbody');
  for (const body of bodies) {
    const table = headers.ofParent(body);
    if (table?.kind !== 'element' || !table.users || copiesOnly(table)) continue;
    for (let child = body.firstElementChild; child; child = child.nextElementSibling)
      if (child.className.includes(ROW)) yield child;
  }
}

/**
 * Element UI's `el-table`. With fixed columns every row is drawn up to three times (main body,
 * `.el-table__fixed`, `.el-table__fixed-right`); in each copy Element hides the cells that another
 * copy shows (`is-hidden`). Only the copy whose name cell is visible gets the mark, so the copies
 * can never disagree.
 */
export const elementTableProfile: RowProfile = {
  key: 'builtin:elementTable',
  rows: `tr.${ROW}`,
  rowsIn: visibleRows,
  read(row, headers) {
    const table = headers.of(row);
    if (table?.kind !== 'element' || !table.users) return undefined;
    const { users } = table;
    // Known from this body's header: no need to touch the row's cells at all.
    if (copiesOnly(table)) return { kind: 'duplicate' };
    const nameCell = users.name === undefined ? undefined : table.cellAt(row, users.name);
    const idCell = users.id === undefined || (nameCell && users.idGuessed) ? undefined : table.cellAt(row, users.id);
    const target = nameCell ?? idCell;
    if (!target) return undefined;
    if (target.className.includes('is-hidden')) return { kind: 'duplicate' };
    let inner = target.firstElementChild;
    while (inner && !inner.className.includes('cell')) inner = inner.nextElementSibling;
    return {
      kind: 'user',
      id: idCell ? readText(idCell) : undefined,
      guessId: nameCell && users.id !== undefined && users.idGuessed ? guessedId(table, row, users.id) : undefined,
      name: nameCell ? readText(nameCell) : undefined,
      anchor: inner ?? target,
      position: 'before',
    };
  },
};

/**
 * Element UI draws a table with fixed columns in up to three bodies: the main one, which renders
 * every cell (hiding the fixed columns' with `is-hidden`), and a copy per fixed side. Whatever a
 * copy holds, its main body holds too.
 */
const COPY_SECTIONS = '.el-table__fixed, .el-table__fixed-right';

/** The main body of the table `body` is a fixed-column copy of; `undefined` for any other element. */
export function mainBodyOfCopy(body: Element): Element | undefined {
  if (body.tagName !== 'TBODY') return undefined;
  const root = body.closest(COPY_SECTIONS)?.parentElement;
  return root?.querySelector(':scope > .el-table__body-wrapper > table.el-table__body > tbody') ?? undefined;
}

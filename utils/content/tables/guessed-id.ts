import type { TableHeaders } from './table-headers';
import { readText } from './text';

/** Reads a bare "ID" column's cell only if asked: most rows are placed by their name alone. */
export function guessedId(table: TableHeaders, row: Element, column: number): () => string | undefined {
  return () => {
    const cell = table.cellAt(row, column);
    return cell ? readText(cell) : undefined;
  };
}

import type { RowProfile } from './profile';
import { rowsMatching } from './rows-matching';
import { guessedId } from './guessed-id';
import { readText } from './text';

/**
 * Any other `<table>` whose header names a user column (User, Username, Name, 用户, 用户名, 姓名)
 * or a user-id column. Names are matched to ids through the directory.
 */
export const plainTableProfile: RowProfile = {
  key: 'builtin:plainTable',
  // Element UI's rows are its own profile's; leaving them out here spares reading 30,000 of them twice.
  rows: 'tr:not(.el-table__row)',
  // A list Element UI re-rendered holds only Element rows: no need to query its 30,000 rows again.
  rowsIn: (container) => (container.closest('.el-table') ? [] : rowsMatching(container, 'tr:not(.el-table__row)')),
  read(row, headers) {
    const table = headers.of(row);
    if (table?.kind !== 'plain' || !table.users) return undefined;
    const { users } = table;
    const nameCell = users.name === undefined ? undefined : table.cellAt(row, users.name);
    const idCell = users.id === undefined || (nameCell && users.idGuessed) ? undefined : table.cellAt(row, users.id);
    const anchor = nameCell ?? idCell;
    if (!anchor) return undefined;
    return {
      kind: 'user',
      id: idCell ? readText(idCell) : undefined,
      guessId: nameCell && users.id !== undefined && users.idGuessed ? guessedId(table, row, users.id) : undefined,
      name: nameCell ? readText(nameCell) : undefined,
      anchor,
      position: 'before',
    };
  },
};

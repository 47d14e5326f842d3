import type { RowProfile, RowReading } from '../../../../utils/content/tables/profile';
import { createHeaderLookup } from '../../../../utils/content/tables/table-headers';

/** What a profile reads from each of its rows under `root`, as plain data. */
export function readAll(profile: RowProfile, root: Element): { where: string; reading: ReturnType<typeof plain> }[] {
  const headers = createHeaderLookup();
  return [...root.querySelectorAll(profile.rows)].map((row) => ({
    where: bodyOf(row),
    reading: plain(profile.read(row, headers)),
  }));
}

function plain(reading: RowReading | undefined) {
  if (reading?.kind !== 'user') return reading;
  const { anchor, guessId, ...rest } = reading;
  const guessed = guessId?.();
  return {
    ...rest,
    ...(guessed === undefined ? {} : { guessId: guessed }),
    anchor: `${anchor.tagName.toLowerCase()}.${[...anchor.classList].join('.')}`,
  };
}

function bodyOf(row: Element): string {
  if (row.closest('.el-table__fixed-right')) return 'fixed-right';
  if (row.closest('.el-table__fixed')) return 'fixed-left';
  if (row.closest('.el-table__body-wrapper')) return 'main';
  return row.closest('thead') ? 'head' : 'body';
}

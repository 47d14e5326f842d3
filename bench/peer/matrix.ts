/**
 * Which cells of R rows × O online × T tabs run, and how many changes each side gets. Two cores
 * set the limits: Vue 2 + Element mount 1,000 rows in ~6 s and 10,000 in over a minute (2.4 GB of
 * heap), and the recipe re-renders the whole table on every change (~1 s at 1,000 rows, ~17 s at
 * 10,000, per tab). `ROSTER_PEER_FULL=1` runs every cell it can, with more changes (a quarter of an hour).
 */
export interface Cell {
  readonly rows: number;
  readonly online: number;
  readonly tabs: number;
}

export interface PlannedCell extends Cell {
  readonly recipeChanges: number;
  readonly rosterChanges: number;
}

export interface SkippedCell extends Cell {
  readonly reason: string;
}

/** `ROSTER_PEER_ROWS=1000` leaves out the slow 10,000-row tabs (while working on the benchmark). */
export const ROWS = [1_000, 10_000].filter(
  (rows) =>
    process.env.ROSTER_PEER_ROWS === undefined || process.env.ROSTER_PEER_ROWS.split(',').includes(String(rows)),
);
export const ONLINE = [100, 5_000] as const;
export const TABS = [1, 10, 30] as const;

export const FULL = process.env.ROSTER_PEER_FULL === '1';

/** Flips of one mark for the floor, per row count. */
export const FLOOR_FLIPS = 8;
/** Server restarts per side (at 1,000 rows, 100 online, one tab). */
export const RESTARTS = { recipe: FULL ? 6 : 3, roster: FULL ? 6 : 3 } as const;

function plan(cell: Cell): PlannedCell | SkippedCell {
  const { rows, tabs } = cell;
  const rosterChanges = tabs === 1 ? 16 : 10;
  if (rows === 10_000) {
    if (tabs > 1) return { ...cell, reason: 'a tab of 10,000 rows takes over a minute to mount and 2.4 GB of heap' };
    if (cell.online === 100 && !FULL)
      return { ...cell, reason: 'the recipe re-renders all 10,000 rows (~20 s) whatever O is (ROSTER_PEER_FULL=1)' };
    return { ...cell, recipeChanges: FULL ? 4 : 1, rosterChanges };
  }
  if (tabs === 30 && !FULL)
    return { ...cell, reason: '~3 min to mount 30 tabs, ~30 s of recipe main thread per change (ROSTER_PEER_FULL=1)' };
  if (tabs === 10 && cell.online === 100 && !FULL)
    return { ...cell, reason: 'a minute of recipe time for the same story as 5,000 online (ROSTER_PEER_FULL=1)' };
  return { ...cell, recipeChanges: tabs === 1 ? (FULL ? 12 : 6) : FULL ? 6 : 2, rosterChanges };
}

export function planMatrix(): { readonly run: PlannedCell[]; readonly skipped: SkippedCell[] } {
  const run: PlannedCell[] = [];
  const skipped: SkippedCell[] = [];
  for (const rows of ROWS)
    for (const tabs of TABS)
      for (const online of ONLINE) {
        const planned = plan({ rows, online, tabs });
        if ('reason' in planned) skipped.push(planned);
        else run.push(planned);
      }
  return { run, skipped };
}

export const cellLabel = (cell: Cell): string =>
  `${cell.rows.toLocaleString('en')} rows, ${cell.online.toLocaleString('en')} online, ${cell.tabs} tab${cell.tabs > 1 ? 's' : ''}`;

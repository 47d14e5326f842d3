import { compileProfile } from '../tables/custom-profile';
import type { SiteProfileSettings } from '../../core/sites/settings-schema';
import { createHeaderLookup } from '../tables/table-headers';
import { MAX_SAMPLE, type TesterRow } from '../../core/messages/options-tester';

export type RowVerdict = 'user' | 'unread' | 'duplicate';

export interface ScannedRow {
  readonly row: Element;
  readonly verdict: RowVerdict;
  /** Where the mark would go. */
  readonly anchor?: Element;
}

export interface ScanResult {
  readonly rows: number;
  readonly users: number;
  readonly duplicates: number;
  readonly unread: number;
  readonly sample: readonly TesterRow[];
  readonly truncated: boolean;
  readonly scanned: readonly ScannedRow[];
}

/** A page of a hundred thousand rows is tested on its first rows only. */
export const MAX_TESTED_ROWS = 5_000;

/**
 * What one profile finds in a page, read exactly as the content script reads it (the same compiled
 * profile and header lookup from `utils/sites`), without marking anything.
 */
export function scanProfile(root: ParentNode, profile: SiteProfileSettings, limit = MAX_TESTED_ROWS): ScanResult {
  const compiled = compileProfile(profile, 0);
  const headers = createHeaderLookup();
  const all = root.querySelectorAll(compiled.rows);
  const scanned: ScannedRow[] = [];
  const sample: TesterRow[] = [];
  let users = 0;
  let duplicates = 0;
  let unread = 0;
  for (const [index, row] of [...all].slice(0, limit).entries()) {
    const reading = compiled.read(row, headers);
    if (reading?.kind === 'user') {
      users++;
      scanned.push({ row, verdict: 'user', anchor: reading.anchor });
      if (sample.length < MAX_SAMPLE) sample.push({ index: index + 1, id: reading.id, name: reading.name });
    } else if (reading?.kind === 'duplicate') {
      duplicates++;
      scanned.push({ row, verdict: 'duplicate' });
    } else {
      unread++;
      scanned.push({ row, verdict: 'unread' });
    }
  }
  return { rows: all.length, users, duplicates, unread, sample, truncated: all.length > limit, scanned };
}

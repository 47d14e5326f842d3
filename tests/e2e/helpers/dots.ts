import type { Page } from 'playwright-core';

/** One presence mark as the page shows it. */
export interface ShownMark {
  /** `users` (the el-table), `recent` (the plain table), `team` (data-user-id chips). */
  readonly table: string;
  /** el-table body the mark is in: `main`, `fixed-left`, `fixed-right`; empty elsewhere. */
  readonly body: string;
  /** The user id the row shows (its ID cell or data-user-id). */
  readonly user: string;
  readonly state: string;
  readonly title: string;
  readonly label: string;
  /** The mark sits first in the name cell (el-table and plain table). */
  readonly inNameCell: boolean;
}

/** Every `roster-mark` on the page, read from the page's own DOM. */
export function readMarks(page: Page): Promise<ShownMark[]> {
  return page.evaluate(marksInPage);
}

/** User ids the el-table's main body shows, in order. */
export function shownUserIds(page: Page): Promise<string[]> {
  return page.evaluate(userIdsInPage);
}

/**
 * What `readMarks` runs in the page: pass it to any driver's `page.evaluate` (Playwright's for
 * Chromium, Puppeteer's for Firefox). Self-contained: it is sent to the page as source text.
 */
export function marksInPage(): ShownMark[] {
  return [...document.querySelectorAll('roster-mark')].map((mark) => {
    const row = mark.closest('tr');
    const chip = mark.closest('[data-user-id]');
    const table = mark.closest('.users-table')
      ? 'users'
      : mark.closest('.recent-table')
        ? 'recent'
        : chip
          ? 'team'
          : 'other';
    const body = mark.closest('.el-table__fixed-right')
      ? 'fixed-right'
      : mark.closest('.el-table__fixed')
        ? 'fixed-left'
        : mark.closest('.el-table__body-wrapper')
          ? 'main'
          : '';
    const user =
      table === 'users'
        ? (row?.querySelector('td.el-table_1_column_3')?.textContent ?? '')
        : table === 'recent'
          ? (row?.cells[1]?.textContent ?? '')
          : (chip?.getAttribute('data-user-id') ?? '');
    const nameCell =
      table === 'users'
        ? row?.querySelector('td.el-table_1_column_2 .cell')
        : table === 'recent'
          ? row?.cells[0]
          : undefined;
    return {
      table,
      body,
      user: user.trim(),
      state: mark.getAttribute('data-roster-state') ?? '',
      title: mark.getAttribute('title') ?? '',
      label: mark.getAttribute('aria-label') ?? '',
      inNameCell: !!nameCell && nameCell.firstElementChild === mark,
    };
  });
}

/** What `shownUserIds` runs in the page (any driver). */
export function userIdsInPage(): string[] {
  return [
    ...document.querySelectorAll('.users-table .el-table__body-wrapper tr.el-table__row td.el-table_1_column_3'),
  ].map((cell) => cell.textContent.trim());
}

export interface Geometry {
  readonly rowHeights: number[];
  readonly columnWidths: number[];
}

/**
 * The host's row heights and column widths with the marks, then without them, measured in the same
 * task (the marks come back on the next frame). Equal lists mean the marks shift nothing.
 */
export function geometryWithAndWithoutMarks(
  page: Page,
): Promise<{ withMarks: Geometry; without: Geometry; marks: number }> {
  return page.evaluate(() => {
    const measure = () => ({
      rowHeights: [...document.querySelectorAll('.users-table tr, .recent-table tr')].map(
        (row) => row.getBoundingClientRect().height,
      ),
      columnWidths: [
        ...document.querySelectorAll('.users-table th, .users-table td, .recent-table th, .recent-table td'),
      ].map((cell) => cell.getBoundingClientRect().width),
    });
    const withMarks = measure();
    const marks = [...document.querySelectorAll('roster-mark')];
    for (const mark of marks) mark.remove();
    const without = measure();
    return { withMarks, without, marks: marks.length };
  });
}

/** What the page's CSS makes of a mark, after the page tried to restyle every element in a cell. */
export function styleUnderHostileCss(page: Page, selector: string): Promise<Record<string, string>> {
  return page.evaluate((markSelector) => {
    // The page's own stylesheet, through the CSSOM (its CSP allows no inline <style>).
    const sheet = [...document.styleSheets].find((candidate) => candidate.href?.endsWith('/app.css'));
    if (!sheet) throw new Error('app.css not found');
    const rules = [
      'td *, li *, .cell > * { display: none !important; width: 40px !important; height: 40px !important; background: red !important; }',
      '[role], [title], [class*="mark"] { visibility: hidden !important; opacity: 0 !important; margin: 30px !important; }',
    ];
    for (const rule of rules) sheet.insertRule(rule, sheet.cssRules.length);
    const mark = document.querySelector(markSelector);
    if (!mark) throw new Error(`no mark at ${markSelector}`);
    const style = getComputedStyle(mark);
    const seen = {
      display: style.display,
      width: style.width,
      height: style.height,
      visibility: style.visibility,
      opacity: style.opacity,
      backgroundColor: style.backgroundColor,
      marginLeft: style.marginLeft,
    };
    for (let index = 0; index < rules.length; index++) sheet.deleteRule(sheet.cssRules.length - 1);
    return seen;
  }, selector);
}

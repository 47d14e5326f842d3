/**
 * One opening of the toolbar popup, timed from the page's navigation start (its `timeOrigin`, 0 on
 * every clock below): a new page at the popup's URL, as a click on the toolbar button makes one.
 * Two views of "the last state is on screen": the popup's own User Timing marks
 * (`utils/pages/popup/perf-marks.ts`), and a MutationObserver installed before any of the popup's
 * scripts, which sees the first row with a real name and the connection headline arrive.
 */
import type { Page } from 'playwright-core';
import { MARK_PAINTED, MARK_RENDERED, MARK_SCRIPT, MARK_STATE } from '../utils/pages/popup/perf-marks';
import type { ExtensionBrowser } from '../tests/e2e/helpers/chromium';

const POPUP_VIEWPORT = { width: 360, height: 600 };

/** What the observer saw, in ms from navigation start. */
interface PopupWatch {
  rows?: number;
  rowNames: string[];
  headline?: number;
  headlineText: string;
}

interface WatchWindow {
  rosterColdStart?: PopupWatch;
}

/**
 * Runs in the popup's document before its own scripts. A row counts only with a name from the
 * directory: a bare id would be a placeholder, not the last state. Self-contained: sent as source.
 */
function watchPopup(): void {
  if (location.protocol !== 'chrome-extension:') return;
  const watch: PopupWatch = { rowNames: [], headlineText: '' };
  (window as WatchWindow).rosterColdStart = watch;
  const observer = new MutationObserver(() => {
    const now = performance.now();
    const names = [...document.querySelectorAll('.person .name')].map((name) => name.textContent);
    if (watch.rows === undefined && names.length > 0 && names.every((name) => !/^\d*$/.test(name))) {
      watch.rows = now;
      watch.rowNames = names;
    }
    const headline = document.getElementById('status-headline')?.textContent ?? '';
    if (watch.headline === undefined && headline !== '') {
      watch.headline = now;
      watch.headlineText = headline;
    }
    if (watch.rows !== undefined && watch.headline !== undefined) observer.disconnect();
  });
  observer.observe(document, { childList: true, subtree: true, characterData: true });
}

export interface PopupOpening {
  /** The popup's script starts running. */
  readonly script: number;
  /** The background's state arrived over the port (a stopped worker woke up and answered). */
  readonly state: number;
  /** That state is in the DOM (Preact's commit). */
  readonly rendered: number;
  /** The frame that shows it is done (the task after the next animation frame). */
  readonly painted: number;
  /** The first row with a real name, as the observer saw it. */
  readonly rows: number;
  readonly headline: number;
  readonly headlineText: string;
  readonly rowNames: readonly string[];
  /** When the service worker answering this popup started, from the popup's navigation start. */
  readonly workerStart: number;
}

async function readOpening(page: Page): Promise<Omit<PopupOpening, 'workerStart'> & { readonly origin: number }> {
  await page.waitForFunction(
    (painted) =>
      performance.getEntriesByName(painted).length > 0 &&
      (window as WatchWindow).rosterColdStart?.rows !== undefined &&
      (window as WatchWindow).rosterColdStart?.headline !== undefined,
    MARK_PAINTED,
    { timeout: 15_000, polling: 10 },
  );
  return page.evaluate(
    (marks) => {
      const at = (name: string) => performance.getEntriesByName(name)[0]?.startTime ?? Number.NaN;
      const watch = (window as WatchWindow).rosterColdStart;
      return {
        origin: performance.timeOrigin,
        script: at(marks.script),
        state: at(marks.state),
        rendered: at(marks.rendered),
        painted: at(marks.painted),
        rows: watch?.rows ?? Number.NaN,
        headline: watch?.headline ?? Number.NaN,
        headlineText: watch?.headlineText ?? '',
        rowNames: watch?.rowNames ?? [],
      };
    },
    { script: MARK_SCRIPT, state: MARK_STATE, rendered: MARK_RENDERED, painted: MARK_PAINTED },
  );
}

/** Opens the popup in a new page, waits until its state is painted, and closes it again. */
export async function openPopupTimed(browser: ExtensionBrowser): Promise<PopupOpening> {
  const page = await browser.context.newPage();
  try {
    await page.setViewportSize(POPUP_VIEWPORT);
    await page.addInitScript(watchPopup);
    await page.goto(browser.popupUrl);
    const { origin, ...opening } = await readOpening(page);
    // The same worker handle talks to a restarted worker: its time origin is when that one started.
    const workerOrigin = await browser.worker.evaluate(() => performance.timeOrigin);
    return { ...opening, workerStart: workerOrigin - origin };
  } finally {
    await page.close();
  }
}

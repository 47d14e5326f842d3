/**
 * In a host page, from before its first script: when the first `roster-mark` entered the DOM, and
 * the landmarks around it. All times are ms from the page's navigation start (`timeOrigin`): the
 * content script leaves no User Timing entry when it starts, so that is the clock's zero.
 */
import type { Page } from 'playwright-core';

/** The page's script marks this once its rows are in the DOM. */
export const ROWS_MARK = 'bench:rows';

interface WatchWindow {
  rosterFirstMark?: number;
  rosterFirstMarks?: number;
  rosterLoaded?: number;
}

/** Runs in the page before its scripts. Self-contained: sent to the page as source text. */
function watchFirstMark(): void {
  const marks = document.getElementsByTagName('roster-mark');
  const observer = new MutationObserver(() => {
    if (marks.length === 0) return;
    (window as WatchWindow).rosterFirstMark = performance.now();
    (window as WatchWindow).rosterFirstMarks = marks.length;
    observer.disconnect();
  });
  observer.observe(document, { childList: true, subtree: true });
  // The content script runs at document_idle: at the latest right after the load event.
  addEventListener('load', () => ((window as WatchWindow).rosterLoaded = performance.now()), { once: true });
}

export async function watchMarks(page: Page): Promise<void> {
  await page.addInitScript(watchFirstMark);
}

export interface FirstMark {
  /** The epoch time of navigation start, to line up with the background's clock. */
  readonly origin: number;
  readonly rows: number;
  readonly domContentLoaded: number;
  /** The load event; NaN if it had not come yet when the page was read. */
  readonly loaded: number;
  readonly firstMark: number;
  /** The content script's frame callback that put the first marks in (`roster:mark-rows`). */
  readonly markingStart: number;
  readonly markingMs: number;
  /** `roster:mark-rows` frames before that one (frames that found nothing to mark yet). */
  readonly framesBefore: number;
  /** Marks in the page when the first ones appeared. */
  readonly marks: number;
}

/** Waits for the first mark, then reads the page's clocks. */
export async function readFirstMark(page: Page, rowsMark: string): Promise<FirstMark> {
  await page.waitForFunction(() => (window as WatchWindow).rosterFirstMark !== undefined, undefined, {
    timeout: 15_000,
    polling: 10,
  });
  return page.evaluate((rowsMark) => {
    const firstMark = (window as WatchWindow).rosterFirstMark ?? Number.NaN;
    const [navigation] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
    // The observer runs right after the frame callback that made the marks: the last one begun by then.
    const frames = performance.getEntriesByName('roster:mark-rows').filter((entry) => entry.startTime <= firstMark);
    const marking = frames[frames.length - 1];
    return {
      origin: performance.timeOrigin,
      rows: performance.getEntriesByName(rowsMark)[0]?.startTime ?? Number.NaN,
      domContentLoaded: navigation?.domContentLoadedEventEnd ?? Number.NaN,
      loaded: (window as WatchWindow).rosterLoaded ?? Number.NaN,
      firstMark,
      markingStart: marking?.startTime ?? Number.NaN,
      markingMs: marking?.duration ?? Number.NaN,
      framesBefore: Math.max(0, frames.length - 1),
      marks: (window as WatchWindow).rosterFirstMarks ?? 0,
    };
  }, rowsMark);
}

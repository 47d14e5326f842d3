/**
 * Every change of a presence mark's state in a host page, recorded by a MutationObserver that is
 * in the page before the content script: a mark whose `data-roster-state` takes a new value, a
 * mark put in (from nothing) and a mark taken out (to nothing). Times are epoch milliseconds
 * (`timeOrigin + now()`), so changes in several tabs and the benchmark's own clock line up.
 */
import type { Page } from 'playwright-core';

export interface MarkChange {
  readonly at: number;
  /** `null`: the mark was not in the page before. */
  readonly from: string | null;
  /** `null`: the mark left the page. */
  readonly to: string | null;
}

interface LogWindow {
  rosterMarkLog?: MarkChange[];
}

/** Runs in the page before its scripts. Self-contained: sent to the page as source text. */
function recordMarkStates(): void {
  const log: MarkChange[] = [];
  (window as LogWindow).rosterMarkLog = log;
  const marksIn = (node: Node): Element[] =>
    node instanceof Element
      ? [...(node.localName === 'roster-mark' ? [node] : []), ...node.querySelectorAll('roster-mark')]
      : [];
  new MutationObserver((records) => {
    const at = performance.timeOrigin + performance.now();
    for (const record of records) {
      if (record.type === 'attributes') {
        const to = (record.target as Element).getAttribute('data-roster-state');
        // Writing the same value again makes a record too: that is no change anyone sees.
        if (to !== record.oldValue) log.push({ at, from: record.oldValue, to });
        continue;
      }
      for (const node of record.addedNodes)
        for (const mark of marksIn(node)) log.push({ at, from: null, to: mark.getAttribute('data-roster-state') });
      for (const node of record.removedNodes)
        for (const mark of marksIn(node)) log.push({ at, from: mark.getAttribute('data-roster-state'), to: null });
    }
  }).observe(document, {
    subtree: true,
    childList: true,
    attributes: true,
    attributeFilter: ['data-roster-state'],
    attributeOldValue: true,
  });
}

export async function recordMarks(page: Page): Promise<void> {
  await page.addInitScript(recordMarkStates);
}

/** The changes recorded so far, and a fresh log from now on. */
export function takeMarkChanges(page: Page): Promise<MarkChange[]> {
  return page.evaluate(() => {
    const log = (window as LogWindow).rosterMarkLog ?? [];
    return log.splice(0, log.length);
  });
}

/** How many marks the page shows in each state. */
export function markStates(page: Page): Promise<Record<string, number>> {
  return page.evaluate(() => {
    const counts: Record<string, number> = {};
    for (const mark of document.querySelectorAll('roster-mark')) {
      const state = mark.getAttribute('data-roster-state') ?? '(none)';
      counts[state] = (counts[state] ?? 0) + 1;
    }
    return counts;
  });
}

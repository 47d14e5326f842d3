/**
 * The least any marking of real elements can cost on the benchmark page: the DOM work alone, with
 * nothing of the content script's (no profiles, no bookkeeping, no names resolved, no observer).
 * One query for the visible name cells, each one's text read, a mark cloned from a prototype that
 * carries the real mark's attributes and put in front. Timed in an isolated world, where a content
 * script runs, and in the page's own world, on a page the content script is not injected into; and,
 * for comparison, with an attribute written instead of a mark inserted.
 */
import type { CDPSession, Page } from 'playwright-core';
import type { MarkingPageWindow } from './marking-page';

/** Real marks: what the content script puts in a row. */
const INSERT_MARK = 'cell.prepend(prototype.cloneNode(false))';
/**
 * For comparison only: an attribute on the host's cell that a stylesheet could draw a dot from. No
 * title, no focus, no Call button, and the host's own CSS could restyle it, so not what ships.
 */
const SET_ATTRIBUTE = "cell.setAttribute('data-roster-state', 'offline')";

const bareMarking = (write: string) => String.raw`(() => {
  const prototype = document.createElement('roster-mark');
  prototype.className = 'roster-ext-mark';
  for (const [name, value] of [['data-roster-state', 'offline'], ['title', 'Offline'], ['aria-label', 'Offline'], ['role', 'img']]) {
    prototype.setAttribute(name, value);
  }
  const start = performance.now();
  const body = document.querySelector('.el-table__body-wrapper > table > tbody');
  const cells = body.querySelectorAll(':scope > tr.el-table__row > td.el-table_1_column_2:not(.is-hidden) > .cell');
  let names = 0;
  for (const cell of cells) {
    if (cell.textContent.trim() !== '') names++;
    ${write};
  }
  const ms = performance.now() - start;
  return { ms, names, marks: document.getElementsByTagName('roster-mark').length + document.querySelectorAll('.cell[data-roster-state]').length };
})()`;

interface BareResult {
  readonly ms: number;
  readonly names: number;
  readonly marks: number;
}

export interface FloorSamples {
  /** Real marks, in an isolated world (where a content script runs). */
  readonly isolated: number[];
  /** Real marks, in the page's own world. */
  readonly pageWorld: number[];
  /** An attribute per row instead of a mark, in an isolated world. */
  readonly attributeOnly: number[];
}

async function runBare(cdp: CDPSession, write: string, contextId: number | undefined): Promise<BareResult> {
  const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', {
    expression: bareMarking(write),
    returnByValue: true,
    ...(contextId === undefined ? {} : { contextId }),
  });
  if (exceptionDetails) throw new Error(`bare marking failed: ${exceptionDetails.text}`);
  return result.value as BareResult;
}

/** `page` shows the benchmark page with no content script in it (an origin outside the sites). */
export async function measureMarkingFloor(page: Page, count: number, samples: number): Promise<FloorSamples> {
  const cdp = await page.context().newCDPSession(page);
  const { frameTree } = await cdp.send('Page.getFrameTree');
  const floor: FloorSamples = { isolated: [], pageWorld: [], attributeOnly: [] };
  for (let sample = 0; sample < samples + 2; sample++) {
    for (const kind of ['isolated', 'pageWorld', 'attributeOnly'] as const) {
      await page.evaluate(
        ({ count, offset }) => {
          const bench = (window as unknown as MarkingPageWindow).rosterBench;
          bench.render(0, 0);
          bench.render(count, offset);
          return new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
        },
        { count, offset: sample * 7 },
      );
      // A fresh world each time: no wrapper is left over from the sample before.
      const contextId =
        kind === 'pageWorld'
          ? undefined
          : (
              await cdp.send('Page.createIsolatedWorld', {
                frameId: frameTree.frame.id,
                worldName: `floor-${kind}-${sample}`,
              })
            ).executionContextId;
      const result = await runBare(cdp, kind === 'attributeOnly' ? SET_ATTRIBUTE : INSERT_MARK, contextId);
      if (result.names !== count || result.marks !== count) {
        throw new Error(
          `floor: ${count} rows gave ${result.names} names and ${result.marks} marks (is the content script on this page?)`,
        );
      }
      if (sample >= 2) floor[kind].push(result.ms);
    }
  }
  await cdp.detach();
  return floor;
}

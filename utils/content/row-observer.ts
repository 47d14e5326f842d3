import { createLogger } from '../log';

const log = createLogger('content');

/** What changed since the last frame. */
export interface RowBatch {
  /** Rows to (re)read. */
  readonly rows: ReadonlySet<Element>;
  /** Containers to read whole: the page at first, then any list the host re-rendered at once. */
  readonly containers: ReadonlySet<Element>;
  /** Something left the page. */
  readonly removed: boolean;
}

export interface RowObserverOptions {
  /** Runs a callback before the next paint (`requestAnimationFrame`). */
  readonly schedule: (callback: () => void) => void;
  /** Roster's own nodes (marks, the card): adding them, or changes inside them, are not host changes. Called per node: keep it cheap. */
  readonly isOwn: (node: Node) => boolean;
}

export interface RowObserver {
  /** What counts as a row now; the whole page is read again on the next frame. Empty: stop. */
  watch(selector: string, attributes: readonly string[]): void;
  /** Reads these rows again on the next frame (names the directory just learned). */
  enqueue(rows: Iterable<Element>): void;
}

/**
 * A host re-rendering a list (a page change, a sort) adds hundreds of rows to one parent, in one
 * record or, with keyed moves, in hundreds: that parent is then read whole, by the profiles, which
 * may skip rows they know are copies. A few added rows are read one by one.
 */
const BULK = 32;

/**
 * Rows as they come and go, in the style of refined-github's `observe(selector, cb, {signal})`:
 * one MutationObserver over the page; everything that changed in a frame is handed over once, on
 * the next animation frame, so a host re-rendering a thousand rows costs one pass.
 */
export function observeRows(
  root: Element,
  onBatch: (batch: RowBatch) => void,
  options: RowObserverOptions,
  signal: AbortSignal,
): RowObserver {
  let selector = '';
  let records: MutationRecord[] = [];
  const queued = new Set<Element>();
  let wholePage = false;
  let scheduled = false;

  const addRows = (node: Node, rows: Set<Element>) => {
    if (node.nodeType !== 1) return;
    const element = node as Element;
    if (element.matches(selector)) rows.add(element);
    for (const row of element.querySelectorAll(selector)) rows.add(row);
  };

  const rowAround = (node: Node | null, rows: Set<Element>) => {
    const element = node?.nodeType === 1 ? (node as Element) : node?.parentElement;
    const row = element?.closest(selector);
    if (row) rows.add(row);
  };

  const collect = (found: readonly MutationRecord[], batch: { rows: Set<Element>; containers: Set<Element>; removed: boolean }) => {
    const added = new Map<Node, number>();
    for (const record of found) {
      if (record.type === 'childList') added.set(record.target, (added.get(record.target) ?? 0) + record.addedNodes.length);
    }
    for (const [target, count] of added) if (count > BULK && target.nodeType === 1) batch.containers.add(target as Element);
    for (const record of found) {
      if (record.type === 'childList') {
        // Not walked: touching each of 30,000 removed rows would cost more than the marking.
        if (record.removedNodes.length > 0) batch.removed = true;
        if (!batch.containers.has(record.target as Element)) {
          for (const node of record.addedNodes) if (!options.isOwn(node)) addRows(node, batch.rows);
        }
        rowAround(record.target, batch.rows);
      } else {
        rowAround(record.target, batch.rows);
        if (record.type === 'attributes') addRows(record.target, batch.rows);
      }
    }
  };

  // Our marks going in (and the card's updates) wake nobody.
  const fromHost = (record: MutationRecord) => {
    if (options.isOwn(record.target)) return false;
    if (record.type !== 'childList' || record.removedNodes.length > 0) return true;
    for (const node of record.addedNodes) if (!options.isOwn(node)) return true;
    return false;
  };

  const flush = () => {
    scheduled = false;
    if (signal.aborted || selector === '') return;
    const batch = { rows: new Set(queued), containers: new Set<Element>(wholePage ? [root] : []), removed: false };
    queued.clear();
    wholePage = false;
    collect([...records, ...observer.takeRecords().filter(fromHost)], batch);
    records = [];
    // Our own marks going in are not the host's doing. The observer looks away while they do, so the
    // browser does not even make the records (10,000 marks: 10,000 records, then as many wrappers).
    // Nothing else runs meanwhile: the host cannot change the page during this callback.
    observer.disconnect();
    try {
      onBatch(batch);
    } catch (error) {
      log.error('marking rows failed', error);
    } finally {
      observe();
    }
  };

  const later = () => {
    if (scheduled || signal.aborted) return;
    scheduled = true;
    options.schedule(flush);
  };

  const observer = new MutationObserver((found) => {
    const relevant = found.filter(fromHost);
    if (relevant.length === 0) return;
    records.push(...relevant);
    later();
  });
  let observed: MutationObserverInit = {};
  const observe = () => {
    if (selector !== '' && !signal.aborted) observer.observe(root, observed);
  };
  const reset = () => {
    observer.disconnect();
    records = [];
    queued.clear();
    wholePage = false;
  };
  signal.addEventListener('abort', reset, { once: true });

  return {
    watch(nextSelector, attributes) {
      reset();
      selector = nextSelector;
      if (selector === '' || signal.aborted) return;
      observed = {
        childList: true,
        subtree: true,
        characterData: true,
        ...(attributes.length > 0 ? { attributes: true, attributeFilter: [...attributes] } : {}),
      };
      observe();
      wholePage = true;
      later();
    },
    enqueue(rows) {
      if (selector === '') return;
      for (const row of rows) queued.add(row);
      later();
    },
  };
}

import type { Timers } from '../../core/timers';
import { createLogger } from '../../core/log';
import { findShadowHosts } from './shadow-roots';

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
  /** A shadow root whose rows are watched from now on (the marks need their styles in it). */
  readonly enterRoot?: (root: ShadowRoot) => void;
  /** For hosts whose shadow root is not attached yet: looked at again a few times. */
  readonly timers?: Pick<Timers, 'setTimeout'>;
}

export interface RowObserver {
  /**
   * What counts as a row now, and which elements' open shadow roots hold rows too; the whole page
   * is read again on the next frame. Empty selector: stop.
   */
  watch(selector: string, attributes: readonly string[], shadowHosts?: string): void;
  /** Reads these rows again on the next frame (names the directory just learned). */
  enqueue(rows: Iterable<Element>): void;
}

/**
 * A host re-rendering a list (a page change, a sort) adds hundreds of rows to one parent, in one
 * record or, with keyed moves, in hundreds: that parent is then read whole, by the profiles, which
 * may skip rows they know are copies. A few added rows are read one by one.
 */
const BULK = 32;

/** A custom element defined after it was inserted gets its root later, with no mutation to see: looked for again. */
const AWAIT_ROOT_MS = [100, 500, 2_000, 8_000];

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
  let shadowHosts = '';
  /** Shadow roots watched besides `root`, each with its rows. */
  const roots = new Set<ShadowRoot>();
  const awaiting = new Set<Element>();
  const ready = new Set<Element>();
  let awaitStep = 0;
  let awaitPending = false;
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

  const collect = (
    found: readonly MutationRecord[],
    batch: { rows: Set<Element>; containers: Set<Element>; removed: boolean },
  ) => {
    const added = new Map<Node, number>();
    for (const record of found) {
      if (record.type === 'childList')
        added.set(record.target, (added.get(record.target) ?? 0) + record.addedNodes.length);
    }
    const bulk = new Set<Element>();
    for (const [target, count] of added)
      if (count > BULK && target.nodeType === 1) {
        bulk.add(target as Element);
        batch.containers.add(target as Element);
      }
    // A re-rendered list is searched for shadow hosts in one query, not one per added row.
    if (shadowHosts !== '') for (const container of bulk) enterRoots(container, batch.containers);
    for (const record of found) {
      if (record.type === 'childList') {
        // Not walked: touching each of 30,000 removed rows would cost more than the marking.
        if (record.removedNodes.length > 0) batch.removed = true;
        if (!bulk.has(record.target as Element)) {
          for (const node of record.addedNodes) {
            if (options.isOwn(node)) continue;
            addRows(node, batch.rows);
            if (shadowHosts !== '') enterRoots(node, batch.containers);
          }
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

  /** Roots under `node` not yet watched: watched from now on, and read whole. */
  const enterRoots = (node: Node, containers: Set<Element>) => {
    const found = findShadowHosts(node, shadowHosts);
    for (const shadow of found.roots) {
      if (roots.has(shadow)) continue;
      roots.add(shadow);
      options.enterRoot?.(shadow);
      for (const child of shadow.children) containers.add(child);
    }
    for (const host of found.awaiting) awaiting.add(host);
  };

  /** Hosts awaiting a root are looked at again on a widening schedule, one timer at a time. */
  const lookAgain = () => {
    if (awaitPending || awaiting.size === 0 || !options.timers || awaitStep >= AWAIT_ROOT_MS.length) return;
    awaitPending = true;
    options.timers.setTimeout(() => {
      awaitPending = false;
      awaitStep++;
      if (signal.aborted) return;
      for (const host of [...awaiting]) {
        if (host.shadowRoot) ready.add(host);
        if (host.shadowRoot || !host.isConnected) awaiting.delete(host);
      }
      if (ready.size > 0) later();
      lookAgain();
    }, AWAIT_ROOT_MS[awaitStep] ?? 0);
  };

  const flush = () => {
    scheduled = false;
    if (signal.aborted || selector === '') return;
    const batch = { rows: new Set(queued), containers: new Set<Element>(wholePage ? [root] : []), removed: false };
    const awaited = awaiting.size;
    if (shadowHosts !== '' && wholePage) enterRoots(root, batch.containers);
    for (const host of ready) enterRoots(host, batch.containers);
    ready.clear();
    queued.clear();
    wholePage = false;
    collect([...records, ...observer.takeRecords().filter(fromHost)], batch);
    records = [];
    if (awaiting.size > awaited) {
      awaitStep = 0;
      lookAgain();
    }
    if (batch.removed) for (const shadow of roots) if (!shadow.host.isConnected) roots.delete(shadow);
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
    if (selector === '' || signal.aborted) return;
    observer.observe(root, observed);
    for (const shadow of roots) observer.observe(shadow, observed);
  };
  const reset = () => {
    observer.disconnect();
    roots.clear();
    awaiting.clear();
    ready.clear();
    awaitStep = 0;
    records = [];
    queued.clear();
    wholePage = false;
  };
  signal.addEventListener('abort', reset, { once: true });

  return {
    watch(nextSelector, attributes, nextShadowHosts = '') {
      reset();
      selector = nextSelector;
      shadowHosts = nextShadowHosts;
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

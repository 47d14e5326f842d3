import type { DirectoryEntries } from '../../core/presence/directory';
import type { UserId } from '../../core/protocol/schemas';
import { NameIndex } from './name-index';
import { markState, type MarkState, type PresenceView } from './presence-view';
import type { MarkSpot, RowProfile, RowReading } from '../tables/profile';
import { resolveUser } from './resolve-user';
import { createHeaderLookup, type HeaderLookup } from '../tables/table-headers';

/** How marks are drawn; the DOM side lives in the content script, tests may use the same one. */
export interface MarkRenderer {
  create(state: MarkState): Element;
  /** Sets the state; a mark already in that state is not touched. */
  update(mark: Element, state: MarkState): void;
  place(mark: Element, spot: MarkSpot): void;
  /** The mark still sits where `spot` puts it (the host may have thrown it away or moved it). */
  isPlaced(mark: Element, spot: MarkSpot): boolean;
}

/** Whom a mark stands for: the hover card's subject. */
export interface MarkOwner {
  readonly userId: UserId;
  /** The name the row shows, when it shows one. */
  readonly shownName: string | undefined;
}

interface RowRecord {
  readonly userId?: UserId;
  readonly mark?: Element;
  readonly waitingFor?: string;
}

const initialView: PresenceView = { online: new Set(), me: undefined, live: false };

interface Found {
  readonly profile: RowProfile;
  readonly reading: RowReading;
}

/**
 * Marks users in host rows and keeps the marks true. Rows are read once per batch; a row already
 * marked for the same user is left alone (idempotent), and an index user → marks lets a presence
 * change touch only that user's marks.
 */
export class Marker {
  readonly #renderer: MarkRenderer;
  readonly #learn: (id: UserId, name: string) => void;
  #profiles: readonly RowProfile[] = [];
  #records = new WeakMap<Element, RowRecord>();
  readonly #marks = new Map<UserId, Set<Element>>();
  readonly #owners = new WeakMap<Element, MarkOwner>();
  readonly #waiting = new Map<string, Set<Element>>();
  #names = new NameIndex();
  #view: PresenceView = initialView;

  constructor(renderer: MarkRenderer, learn: (id: UserId, name: string) => void) {
    this.#renderer = renderer;
    this.#learn = learn;
  }

  /** Every profile's rows, for the observer: one selector, one query. */
  get selector(): string {
    return this.#profiles.map((profile) => profile.rows).join(', ');
  }

  /** Attributes rows are read from, for the observer. */
  get attributes(): string[] {
    return [...new Set(this.#profiles.flatMap((profile) => profile.attributes ?? []))];
  }

  /** New profiles (settings or page changed): every mark goes; the caller scans the page again. */
  setProfiles(profiles: readonly RowProfile[]): void {
    this.clear();
    this.#profiles = profiles;
  }

  /**
   * Reads and marks rows (new, changed or re-rendered) and every row inside `containers` (the page,
   * or a list the host re-rendered whole); rows that stopped being user rows lose their mark.
   * All of them at once, however many: rows left for a later frame would wait behind the browser's
   * layout of the whole table (README, "Why not viewport-first").
   */
  scan(rows: Iterable<Element>, containers: Iterable<Element> = []): void {
    const headers = createHeaderLookup();
    const found: [Element, RowProfile | undefined][] = [];
    const seen = new Set<Element>();
    for (const container of containers) {
      for (const profile of this.#profiles) {
        const candidates = profile.rowsIn?.(container, headers) ?? headers.matching(container, profile.rows);
        for (const row of candidates) {
          if (seen.has(row)) continue;
          seen.add(row);
          found.push([row, profile]);
        }
      }
    }
    for (const row of rows) {
      if (seen.has(row)) continue;
      seen.add(row);
      found.push([row, undefined]);
    }

    const nested: [Element, RowReading | undefined][] = [];
    for (const [row, enumeratedBy] of found) {
      if (!row.isConnected) continue;
      const result = enumeratedBy ? this.#readAs(row, enumeratedBy, headers) : this.#read(row, headers);
      // Chips inside table rows wait until the rows are done, so they can tell whether the row got a mark.
      if (result?.profile.yieldsToMarkedRows) nested.push([row, result.reading]);
      else this.#apply(row, result?.reading);
    }
    for (const [row, reading] of nested) this.#apply(row, this.#insideMarkedRow(row) ? undefined : reading);
  }

  /** Elements left the page: marks no longer on it leave the index (one pass over the marks, not the removed rows). */
  sweep(): void {
    for (const [id, marks] of this.#marks) {
      for (const mark of marks) if (!mark.isConnected) marks.delete(mark);
      if (marks.size === 0) this.#marks.delete(id);
    }
    for (const [key, rows] of this.#waiting) {
      for (const row of rows) if (!row.isConnected) rows.delete(row);
      if (rows.size === 0) this.#waiting.delete(key);
    }
  }

  /** A new picture of presence (a snapshot, or the link going stale): every mark whose state differs is updated. */
  repaint(view: PresenceView): void {
    this.#view = view;
    for (const [id, marks] of this.#marks) this.#paint(id, marks);
  }

  /** All names anew (a snapshot): returns the rows that waited for one of them, to be scanned again. */
  setNames(names: DirectoryEntries): Element[] {
    this.#names = new NameIndex(names);
    return this.#takeWaitingKeys([...this.#waiting.keys()].filter((key) => this.#names.idFor(key) !== undefined));
  }

  /** Only these users changed: only their marks are touched. */
  presenceChanged(view: PresenceView, ids: Iterable<UserId>): void {
    this.#view = view;
    for (const id of ids) {
      const marks = this.#marks.get(id);
      if (marks) this.#paint(id, marks);
    }
  }

  /** New names: returns the rows that waited for one of them, to be scanned again. */
  namesLearned(names: DirectoryEntries): Element[] {
    const touched = this.#names.update(names);
    return this.#takeWaitingKeys(touched);
  }

  ownerOf(mark: Element): MarkOwner | undefined {
    return this.#owners.get(mark);
  }

  nameOf(id: UserId): string | undefined {
    return this.#names.nameOf(id);
  }

  stateOf(id: UserId): MarkState {
    return markState(this.#view, id);
  }

  /** How many marks the index holds (tests, benchmarks). */
  get size(): number {
    let count = 0;
    for (const marks of this.#marks.values()) count += marks.size;
    return count;
  }

  /** Removes every mark this marker made. */
  /** Some row is marked, or waits for a name: presence and names changes matter to this page. */
  get hasRows(): boolean {
    return this.#marks.size > 0 || this.#waiting.size > 0;
  }

  clear(): void {
    for (const marks of this.#marks.values()) for (const mark of marks) mark.remove();
    this.#marks.clear();
    this.#waiting.clear();
    this.#records = new WeakMap();
  }

  /** The first profile, in order, that recognises the row. */
  #read(row: Element, headers: HeaderLookup): Found | undefined {
    for (const profile of this.#profiles) {
      if (!row.matches(profile.rows)) continue;
      const reading = profile.read(row, headers);
      if (reading) return { profile, reading };
    }
    return undefined;
  }

  /**
   * A row one profile enumerated: profiles before it may still claim it (a custom one, say), and
   * when it cannot read the row after all (a user column it cannot place), the others may.
   */
  #readAs(row: Element, profile: RowProfile, headers: HeaderLookup): Found | undefined {
    for (const other of this.#profiles) {
      if (other === profile) break;
      if (row.matches(other.rows)) return this.#read(row, headers);
    }
    const reading = profile.read(row, headers);
    return reading ? { profile, reading } : this.#read(row, headers);
  }

  #apply(row: Element, reading: RowReading | undefined): void {
    const record = this.#records.get(row);
    if (reading?.kind !== 'user') {
      if (record) this.#drop(row, record);
      return;
    }
    const resolution = resolveUser(reading, this.#names);
    if (resolution.learned) this.#learn(...resolution.learned);
    const { userId } = resolution;
    if (userId === undefined) {
      if (record) this.#drop(row, record);
      if (resolution.waitingFor !== undefined) this.#wait(row, resolution.waitingFor);
      return;
    }
    if (record?.userId === userId && record.mark && this.#renderer.isPlaced(record.mark, reading)) {
      // A row the host took out and put back (a kept-alive view, a recycled list) kept its mark,
      // but the sweep took the mark out of the index meanwhile: back in, and brought up to date.
      if (!this.#marks.get(userId)?.has(record.mark)) {
        this.#index(userId, record.mark);
        this.#renderer.update(record.mark, markState(this.#view, userId));
      }
      return;
    }
    if (record) this.#drop(row, record);
    const mark = this.#renderer.create(markState(this.#view, userId));
    this.#renderer.place(mark, reading);
    this.#index(userId, mark);
    this.#owners.set(mark, { userId, shownName: reading.name });
    this.#records.set(row, { userId, mark });
  }

  #index(userId: UserId, mark: Element): void {
    let marks = this.#marks.get(userId);
    if (!marks) this.#marks.set(userId, (marks = new Set()));
    marks.add(mark);
  }

  #drop(row: Element, record: RowRecord): void {
    if (record.mark) {
      this.#unindex(record.mark);
      record.mark.remove();
    }
    if (record.waitingFor !== undefined) this.#waiting.get(record.waitingFor)?.delete(row);
    this.#records.delete(row);
  }

  #wait(row: Element, key: string): void {
    let rows = this.#waiting.get(key);
    if (!rows) this.#waiting.set(key, (rows = new Set()));
    rows.add(row);
    this.#records.set(row, { waitingFor: key });
  }

  #takeWaitingKeys(keys: Iterable<string>): Element[] {
    const rows: Element[] = [];
    for (const key of keys) {
      const waiting = this.#waiting.get(key);
      if (!waiting) continue;
      this.#waiting.delete(key);
      rows.push(...waiting);
    }
    return rows;
  }

  #unindex(mark: Element): void {
    const owner = this.#owners.get(mark);
    if (!owner) return;
    const marks = this.#marks.get(owner.userId);
    marks?.delete(mark);
    if (marks?.size === 0) this.#marks.delete(owner.userId);
  }

  #paint(id: UserId, marks: Set<Element>): void {
    const state = markState(this.#view, id);
    for (const mark of marks) this.#renderer.update(mark, state);
  }

  #insideMarkedRow(element: Element): boolean {
    for (let parent = element.parentElement; parent; parent = parent.parentElement) {
      if (this.#records.get(parent)?.mark) return true;
    }
    return false;
  }
}

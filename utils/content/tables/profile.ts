import type { HeaderLookup } from './table-headers';

/** Where a mark goes: into `anchor` at its start or end, or beside it when it cannot hold one. */
export interface MarkSpot {
  readonly anchor: Element;
  readonly position: 'before' | 'after';
}

/** What a profile read from one row. */
export type RowReading =
  | (MarkSpot & {
      readonly kind: 'user';
      /** Raw id text, from a column or attribute that names user ids; checked by the marker. */
      readonly id?: string;
      /**
       * A bare "ID" column, maybe another numbering: read only when the name does not settle who
       * it is (unknown to the directory, or shared), so most rows never touch that cell.
       */
      readonly guessId?: () => string | undefined;
      readonly name?: string;
    })
  /** The same row drawn again (Element UI's fixed columns): claimed, but its visible copy gets the mark. */
  | { readonly kind: 'duplicate' };

/** How to find users on a page: which elements are rows and how to read one. */
export interface RowProfile {
  /** `builtin:elementTable`, `custom:0 (Orders)`: for logs. */
  readonly key: string;
  /** CSS selector of the rows. */
  readonly rows: string;
  /** Rows nested in a row another profile marked are left to that one (data-attribute chips in a table). */
  readonly yieldsToMarkedRows?: boolean;
  /** Attributes the rows are read from: a change to one means the row is read again. */
  readonly attributes?: readonly string[];
  /** `undefined`: not a row of this profile's kind. */
  read(row: Element, headers: HeaderLookup): RowReading | undefined;
  /**
   * This profile's rows inside `container` (and `container` itself if it is one). Default: a query
   * for `rows`. A profile that knows some rows are only copies may skip them without touching them.
   */
  rowsIn?(container: Element, headers: HeaderLookup): Iterable<Element>;
}

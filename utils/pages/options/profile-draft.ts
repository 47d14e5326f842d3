import type { Json } from './json';

/**
 * Editing a site profile's parts in the form: how an extractor changes when its kind changes, and
 * the "whole row / column titled… / column number…" choice of a cell. Pure.
 */

export type ExtractorKind = 'cell' | 'attribute' | 'link' | 'text';
export type CellMode = 'row' | 'header' | 'column';

type Fields = Readonly<Record<string, Json>>;

const asFields = (value: unknown): Fields =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Fields) : {};

/**
 * What each kind keeps of the old extractor. A column stays between the two kinds that read inside
 * a column (a cell's text, a link in it); an attribute is most often on the row itself (`<tr
 * data-id>`), so switching to it starts from the row rather than a column it probably is not in.
 */
const kept: Readonly<Record<ExtractorKind, readonly string[]>> = {
  cell: ['header', 'column', 'selector', 'pattern'],
  attribute: ['attribute', 'selector', 'pattern'],
  link: ['header', 'column', 'selector', 'pattern'],
  text: ['selector', 'pattern'],
};

/** A new extractor of `kind` that keeps what still applies of `current` and starts the rest sensibly. */
export function switchExtractorKind(current: unknown, kind: ExtractorKind): Json {
  const old = asFields(current);
  const next: Record<string, Json> = {
    from: kind,
    ...Object.fromEntries(Object.entries(old).filter(([key]) => kept[kind].includes(key))),
  };
  // A cell must name its column; "Name" is what most admin tables call it.
  if (kind === 'cell' && next.header === undefined && next.column === undefined) next.header = 'Name';
  if (kind === 'attribute' && next.attribute === undefined) next.attribute = 'data-id';
  if (kind === 'link') {
    next.selector ??= 'a[href]';
    // The last number in the address: /users/42, ?id=42.
    next.pattern ??= '(\\d+)\\D*$';
  }
  return next;
}

export function extractorKind(value: unknown): ExtractorKind | undefined {
  const from = asFields(value).from;
  return from === 'cell' || from === 'attribute' || from === 'link' || from === 'text' ? from : undefined;
}

export function cellMode(value: unknown): CellMode {
  const fields = asFields(value);
  if (fields.header !== undefined) return 'header';
  if (fields.column !== undefined) return 'column';
  return 'row';
}

/** `value` (an extractor or a mark placement) set to read from the row, a titled column or a numbered one. */
export function withCellMode(value: unknown, mode: CellMode): Json {
  const { header, column, ...rest } = asFields(value);
  if (mode === 'header') return { ...rest, header: typeof header === 'string' ? header : '' };
  if (mode === 'column') return { ...rest, column: typeof column === 'number' ? column : 1 };
  return rest;
}

/** A new custom profile: a table with ID and Name columns, the most common admin page. */
export function newProfile(): Json {
  return {
    label: '',
    rows: 'table tbody tr',
    id: { from: 'cell', header: 'ID' },
    name: { from: 'cell', header: 'Name' },
    mark: { position: 'before' },
  };
}

import { sameHeader } from '../../core/sites/header-words';
import type { HeaderLookup } from './table-headers';
import { PATTERN_INPUT_LIMIT, patternProblem } from '../../core/sites/safe-pattern';
import type { ExtractorSettings } from '../../core/sites/settings-schema';
import { collapse, readText } from './text';

/** A value read from a row, and the element it came from (where the mark goes by default). */
export interface Extracted {
  readonly value: string;
  readonly element: Element;
}

/** A compiled extractor: regular expressions built once per profile, not once per row. */
export type Extractor = (row: Element, headers: HeaderLookup) => Extracted | undefined;

export interface CellRef {
  readonly header?: string;
  readonly column?: number;
}

/** The row's cell under a header text or at a 1-based column; the row itself when neither is given. */
export function cellOf(row: Element, ref: CellRef, headers: HeaderLookup): Element | undefined {
  if (ref.header === undefined && ref.column === undefined) return row;
  const table = headers.of(row);
  if (!table) return undefined;
  const index =
    ref.header === undefined
      ? (ref.column ?? 0) - 1
      : table.texts.findIndex((text) => sameHeader(text, ref.header ?? ''));
  return index < 0 ? undefined : table.cellAt(row, index);
}

function within(scope: Element, selector: string | undefined): Element | undefined {
  if (selector === undefined) return scope;
  return scope.matches(selector) ? scope : (scope.querySelector(selector) ?? undefined);
}

/**
 * The first capture group if the pattern has one, else the whole match. Patterns are held to a
 * subset whose work is bounded for texts up to `PATTERN_INPUT_LIMIT` characters (see
 * `safe-pattern.ts`): a longer text is not read by a pattern at all (cut short, `(\d+)$` would
 * read a wrong id), and a pattern outside the subset (saved before it existed) reads nothing.
 */
function picker(pattern: string | undefined): (text: string) => string | undefined {
  if (pattern === undefined) return (text) => text;
  if (patternProblem(pattern)) return () => undefined;
  const regex = new RegExp(pattern);
  return (text) => {
    if (text.length > PATTERN_INPUT_LIMIT) return undefined;
    const match = regex.exec(text);
    if (!match) return undefined;
    return match[1] ?? match[0];
  };
}

export function compileExtractor(settings: ExtractorSettings): Extractor {
  const pick = picker(settings.pattern);
  const read = (element: Element | undefined, raw: (element: Element) => string | null): Extracted | undefined => {
    if (!element) return undefined;
    const text = raw(element);
    const value = text === null ? undefined : pick(collapse(text));
    return value ? { value, element } : undefined;
  };
  switch (settings.from) {
    case 'cell':
      return (row, headers) => {
        const cell = cellOf(row, settings, headers);
        return read(cell && within(cell, settings.selector), readText);
      };
    case 'attribute':
      return (row, headers) => {
        const cell = cellOf(row, settings, headers);
        return read(cell && within(cell, settings.selector), (element) => element.getAttribute(settings.attribute));
      };
    case 'link':
      return (row, headers) => {
        const cell = cellOf(row, settings, headers);
        return read(cell && within(cell, settings.selector), (element) => element.getAttribute('href'));
      };
    case 'text':
      return (row) => read(within(row, settings.selector), readText);
  }
}

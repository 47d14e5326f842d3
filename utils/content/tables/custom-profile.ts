import { cellOf, compileExtractor, type Extracted } from './extract';
import type { RowProfile } from './profile';
import type { ExtractorSettings, SiteProfileSettings } from '../../core/sites/settings-schema';

function attributeOf(extractor: ExtractorSettings | undefined): string[] {
  if (extractor?.from === 'attribute') return [extractor.attribute];
  if (extractor?.from === 'link') return ['href'];
  return [];
}

/** A profile from settings, ready to read rows. Its selectors and patterns were checked on save. */
export function compileProfile(settings: SiteProfileSettings, index: number): RowProfile {
  const readId = settings.id ? compileExtractor(settings.id) : undefined;
  const readName = settings.name ? compileExtractor(settings.name) : undefined;
  const { mark } = settings;
  const placed = mark.header !== undefined || mark.column !== undefined || mark.selector !== undefined;
  return {
    key: `custom:${index}${settings.label ? ` (${settings.label})` : ''}`,
    rows: settings.rows,
    attributes: [...new Set([...attributeOf(settings.id), ...attributeOf(settings.name)])],
    read(row, headers) {
      const id: Extracted | undefined = readId?.(row, headers);
      const name: Extracted | undefined = readName?.(row, headers);
      if (!id && !name) return undefined;
      let anchor: Element | undefined = name?.element ?? id?.element ?? row;
      if (placed) {
        const cell = cellOf(row, mark, headers);
        anchor = cell && (mark.selector === undefined ? cell : (cell.querySelector(mark.selector) ?? undefined));
      }
      if (!anchor) return undefined;
      // Element UI draws fixed columns again; only the copy where the cell is visible is marked.
      if (anchor.closest('td')?.classList.contains('is-hidden') && row.closest('.el-table'))
        return { kind: 'duplicate' };
      return { kind: 'user', id: id?.value, name: name?.value, anchor, position: mark.position };
    },
  };
}

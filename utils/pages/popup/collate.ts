/** How names are ordered in the popup: the order a reader can scan, in Chinese and Latin alike. */

const startsWithHan = /^\p{Script=Han}/u;
const options: Intl.CollatorOptions = { sensitivity: 'base', numeric: true };

export type Compare = (a: string, b: string) => number;

/**
 * Names fall into groups listed one after another; within a group, `compare` orders them. Sorting
 * thousands of names, the group is worked out once per name rather than once per comparison.
 */
export interface NameOrder {
  group(name: string): number;
  compare(group: number, a: string, b: string): number;
}

/**
 * The order for display names in the browser's UI language `locale`.
 *
 * Chinese UIs use their own collation, which already orders Han names by pinyin (zh-CN) or
 * stroke (zh-TW) and puts Latin names after them: one group. Other UIs would order Han
 * characters by code point, which no reader can scan: there Latin (and other) names come first
 * in the UI's order, then Han names in pinyin order. Two groups, each totally ordered: the whole
 * stays transitive.
 */
export function nameOrder(locale: string): NameOrder {
  let order = orders.get(locale);
  if (!order) orders.set(locale, (order = createNameOrder(locale)));
  return order;
}

/** One per locale: a page's first collator costs Chromium some 25 ms (ICU loads its data). */
const orders = new Map<string, NameOrder>();

function createNameOrder(locale: string): NameOrder {
  const local = new Intl.Collator(locale, options).compare;
  if (/^zh(?:-|$)/i.test(locale)) return { group: () => 0, compare: (_, a, b) => local(a, b) };
  // Made on first use: the first screenful in an English UI is often all Latin names.
  let pinyin: Compare | undefined;
  return {
    group: (name) => (startsWithHan.test(name) ? 1 : 0),
    compare: (group, a, b) =>
      group === 1 ? (pinyin ??= new Intl.Collator('zh-u-co-pinyin', options).compare)(a, b) : local(a, b),
  };
}

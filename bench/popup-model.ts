/**
 * The popup's own work for 5,000 people online (`ROSTER_BENCH_ONLINE` for another count), without
 * a browser: ordering them (all of them, the first screenful only, or after one came and one went),
 * building the search keys, and one keystroke's filtering. What the browser benchmark adds is the
 * page, the port and the rendering.
 */
import { nameOrder } from '../utils/pages/popup/collate';
import { onlinePeople } from '../utils/pages/popup/people';
import { peopleRows } from '../utils/pages/popup/people-rows';
import { pinyinInitials } from '../utils/pages/popup/pinyin';
import { queryTerms, SearchIndex } from '../utils/pages/popup/search';
import { resort, sortFirst, sortPeople } from '../utils/pages/popup/sorted-online';
import type { UserId } from '../utils/core/protocol/schemas';
import { formatRow, measure, type Measurement } from './measure';
import { benchPeople } from './popup-data';

const ONLINE = Number(process.env.ROSTER_BENCH_ONLINE ?? 5_000);
const COUNT = ONLINE.toLocaleString('en');
const people = benchPeople(ONLINE + 1);
const names = Object.fromEntries(people.map((person) => [person.id, person.name]));
const online = onlinePeople(
  people.slice(0, ONLINE).map((person) => person.id as UserId),
  names,
  undefined,
);
const order = nameOrder('en-US');
const orderZh = nameOrder('zh-CN');
const sorted = sortPeople(online, order);
// One leaves, one comes: the list a presence change brings.
const changed = [...online.slice(1), ...onlinePeople([people[ONLINE]?.id as UserId], names, undefined)];
const warmIndex = new SearchIndex(pinyinInitials());
warmIndex.warm(sorted);
const initials = pinyinInitials();
let query = 0;
const queries = ['m', 'ma', 'mar', 'z', 'zw', '1', '12', '123', '王', 'chloe'].map(queryTerms);

const results: Measurement[] = [
  measure(`popup: order ${COUNT} online by name (en UI)`, () => sortPeople(online, order), { samples: 60 }),
  measure(`popup: order ${COUNT} online by name (zh-CN UI)`, () => sortPeople(online, orderZh), { samples: 60 }),
  measure(`popup: first screenful of ${COUNT} in order (first frame)`, () => sortFirst(online, order, 32), {
    samples: 60,
  }),
  measure('popup: reorder after one left and one came', () => resort(sorted, changed, order), { samples: 300 }),
  measure(
    `popup: search keys for ${COUNT} (once, after the first paint)`,
    () => new SearchIndex(initials).warm(sorted),
    {
      samples: 60,
    },
  ),
  measure(
    `popup: one keystroke, filter ${COUNT} + rows`,
    () => {
      const terms = queries[query++ % queries.length] ?? [];
      peopleRows(warmIndex.filter(sorted, terms), { total: 0, shown: [] }, false, true);
    },
    { samples: 300 },
  ),
];

console.log('');
console.log('| popup model (Node) | median µs | p25–p75 µs | samples |');
console.log('| --- | ---: | ---: | ---: |');
for (const result of results) console.log(formatRow(result));

import { encodeCall, encodeOnlineList } from '../utils/protocol/encode';
import { parseFrame } from '../utils/protocol/parse';
import type { OnlineUser, UserId } from '../utils/protocol/schemas';
import { PresenceStore } from '../utils/presence/store';
import { formatRow, measure, type Measurement } from './measure';

const users = (count: number, named: boolean): OnlineUser[] =>
  Array.from({ length: count }, (_, index) => {
    const id = String(10_000 + index) as UserId;
    return named ? { id, name: `用户 User ${index}` } : { id };
  });

const ids5000 = encodeOnlineList(users(5_000, false), 'ids');
const objects1000 = encodeOnlineList(users(1_000, true), 'objects');
const huge = `{"Type":"Chat","Message":[${'"1",'.repeat(262_144)}"1"]}`;
const options = { maxBytes: 64 * 1024, heartbeatPayload: 'heart check' };

const everyone = users(5_000, false).map((user) => user.id);
const store = new PresenceStore();
store.apply(everyone, 0);
let flip = false;

const results: Measurement[] = [
  measure('JSON.parse alone, 5,000 ids (baseline)', () => JSON.parse(ids5000), { samples: 300 }),
  measure('parseFrame, 5,000 ids (36 KiB)', () => parseFrame(ids5000, options), { samples: 300 }),
  measure('parseFrame, 1,000 {userId, userName}', () => parseFrame(objects1000, options), { samples: 300 }),
  measure('parseFrame, 1 MiB frame refused by size', () => parseFrame(huge, options), { samples: 300, batch: 100 }),
  measure('JSON.parse of that 1 MiB frame (what is avoided)', () => JSON.parse(huge), { samples: 50 }),
  measure('PresenceStore.apply, 5,000 online, one joins/leaves', () => {
    flip = !flip;
    store.apply(flip ? everyone.slice(1) : everyone, 0);
  }, { samples: 300 }),
  measure('encodeCall', () => encodeCall({ senderId: '7' as UserId, receiverId: '1' as UserId, senderName: '李四', receiverName: '章三' }), { samples: 300, batch: 1000 }),
];

const byName = (prefix: string) => results.find((result) => result.name.startsWith(prefix))?.medianUs ?? Number.NaN;
console.log('| benchmark | median µs | p25–p75 µs | samples |');
console.log('| --- | ---: | ---: | ---: |');
for (const result of results) console.log(formatRow(result));
console.log('');
console.log(`validation overhead: parseFrame / JSON.parse (5,000 ids) = ${(byName('parseFrame, 5,000') / byName('JSON.parse alone')).toFixed(1)}×`);
console.log(`size guard: refusing 1 MiB is ${(byName('JSON.parse of that') / byName('parseFrame, 1 MiB frame refused')).toFixed(0)}× cheaper than parsing it`);

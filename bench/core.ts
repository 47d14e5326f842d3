import { encodeCall, encodeOnlineList } from '../utils/core/protocol/encode';
import { parseFrame } from '../utils/core/protocol/parse';
import type { OnlineUser, UserId } from '../utils/core/protocol/schemas';
import { utf8ByteLength } from '../utils/core/protocol/byte-length';
import { Directory, MAX_NAMES_PER_SOURCE } from '../utils/core/presence/directory';
import { idTable } from '../utils/core/presence/id-table';
import { PresenceStore } from '../utils/core/presence/store';
import { DEFAULT_MAX_FRAME_KIB } from '../utils/core/settings/schema';
import { benchBackground } from './background-views';
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
// The default limit must take a big organisation's list: 20,000 online, in both list forms.
const ids20000 = encodeOnlineList(users(20_000, false), 'ids');
const objects20000 = encodeOnlineList(users(20_000, true), 'objects');
const defaults = { maxBytes: DEFAULT_MAX_FRAME_KIB * 1024, heartbeatPayload: 'heart check' };
const kib = (frame: string) => `${(utf8ByteLength(frame) / 1024).toFixed(0)} KiB`;

const everyone = users(5_000, false).map((user) => user.id);
const store = new PresenceStore();
store.apply(everyone, 0);
let flip = false;
const everyone20000 = users(20_000, false).map((user) => user.id);
const store20000 = new PresenceStore();
store20000.apply(everyone20000, 0);
let flip20000 = false;
/** Parse and diff, as the background does for every list: one joined or left since the last. */
const parseAndApply = (frames: readonly [string, string]) => () => {
  flip20000 = !flip20000;
  const result = parseFrame(frames[flip20000 ? 0 : 1], defaults);
  if (result.ok && result.message.kind === 'online')
    store20000.apply(
      result.message.users.map((user) => user.id),
      0,
    );
};
const minusOne = (format: 'ids' | 'objects') => encodeOnlineList(users(20_000, format === 'objects').slice(1), format);
const userList = (count: number) =>
  Array.from({ length: count }, (_, index) => [String(10_000 + index) as UserId, `用户 User ${index}`] as const);
const userList20000 = userList(MAX_NAMES_PER_SOURCE);
const directory = new Directory();
// What keeping 100,000 names would cost every view snapshot and every session-mirror write.
const names100000 = new Map(userList(100_000));

// The whole background path of issue 16's 10,000 online: the real service and hub, 30 view ports.
const VIEWS = 30;
const background = await benchBackground(VIEWS);
const list10000 = (format: 'ids' | 'objects') =>
  [encodeOnlineList(users(10_000, format === 'objects'), format), minusOne10000(format)] as const;
const minusOne10000 = (format: 'ids' | 'objects') =>
  encodeOnlineList(users(10_000, format === 'objects').slice(1), format);
let flip10000 = false;
/** One joined or left since the last list, as the server sends it: parsed, checked, diffed, posted. */
const receiveList = (frames: readonly [string, string]) => () => {
  flip10000 = !flip10000;
  background.receive(frames[flip10000 ? 0 : 1]);
};
const ids10000 = list10000('ids');
// Everyone but one online already: from here on each list is one change.
background.receive(ids10000[1]);
const postedBefore = { ...background.posted };
// Measured first, apart: the objects list's first names are one `names` event, not a list's cost.
const receiveIds = measure(`10,000 ids: parse + check + diff + post to ${VIEWS} ports`, receiveList(ids10000), {
  samples: 100,
});
const postedLists = background.posted.messages - postedBefore.messages;
const postedBytes = background.posted.bytes - postedBefore.bytes;

const results: Measurement[] = [
  measure('JSON.parse alone, 5,000 ids (baseline)', () => JSON.parse(ids5000), { samples: 300 }),
  measure('parseFrame, 5,000 ids (36 KiB)', () => parseFrame(ids5000, options), { samples: 300 }),
  measure('parseFrame, 1,000 {userId, userName}', () => parseFrame(objects1000, options), { samples: 300 }),
  measure('parseFrame, 1 MiB frame refused by size', () => parseFrame(huge, options), { samples: 300, batch: 100 }),
  measure('JSON.parse of that 1 MiB frame (what is avoided)', () => JSON.parse(huge), { samples: 50 }),
  measure(
    'PresenceStore.apply, 5,000 online, one joins/leaves',
    () => {
      flip = !flip;
      store.apply(flip ? everyone.slice(1) : everyone, 0);
    },
    { samples: 300 },
  ),
  measure(`JSON.parse alone, 20,000 ids (${kib(ids20000)})`, () => JSON.parse(ids20000), { samples: 60 }),
  measure(`parseFrame, 20,000 ids (${kib(ids20000)})`, () => parseFrame(ids20000, defaults), { samples: 60 }),
  measure(`JSON.parse alone, 20,000 {userId, userName} (${kib(objects20000)})`, () => JSON.parse(objects20000), {
    samples: 60,
  }),
  measure(`parseFrame, 20,000 {userId, userName} (${kib(objects20000)})`, () => parseFrame(objects20000, defaults), {
    samples: 60,
  }),
  measure('parse + diff, 20,000 ids, one joins/leaves', parseAndApply([minusOne('ids'), ids20000]), { samples: 60 }),
  measure(
    'parse + diff, 20,000 {userId, userName}, one joins/leaves',
    parseAndApply([minusOne('objects'), objects20000]),
    { samples: 60 },
  ),
  receiveIds,
  measure(
    `10,000 {userId, userName}: parse + check + diff + post to ${VIEWS} ports`,
    receiveList(list10000('objects')),
    { samples: 100 },
  ),
  measure(
    'Directory.replace, a host user list of 20,000 (all it keeps)',
    () => directory.replace('directory', userList20000),
    { samples: 20 },
  ),
  measure('Directory.entries + JSON, 20,000 names (each view snapshot)', () => JSON.stringify(directory.entries()), {
    samples: 20,
  }),
  measure('the same for 100,000 names (not kept: this cost, every time)', () => JSON.stringify(idTable(names100000)), {
    samples: 20,
  }),
  measure(
    'encodeCall',
    () => encodeCall({ senderId: '7' as UserId, receiverId: '1' as UserId, senderName: '李四', receiverName: '章三' }),
    { samples: 300, batch: 1000 },
  ),
];

background.stop();

const byName = (prefix: string) => results.find((result) => result.name.startsWith(prefix))?.medianUs ?? Number.NaN;
console.log('| benchmark | median µs | p25–p75 µs | samples |');
console.log('| --- | ---: | ---: | ---: |');
for (const result of results) console.log(formatRow(result));
console.log('');
console.log(
  `validation overhead: parseFrame / JSON.parse (5,000 ids) = ${(byName('parseFrame, 5,000') / byName('JSON.parse alone')).toFixed(1)}×`,
);
console.log(
  `default maxFrameKiB ${DEFAULT_MAX_FRAME_KIB}: 20,000 ids is ${kib(ids20000)}, 20,000 {userId, userName} is ${kib(objects20000)}`,
);
console.log(
  `size guard: refusing 1 MiB is ${(byName('JSON.parse of that') / byName('parseFrame, 1 MiB frame refused')).toFixed(0)}× cheaper than parsing it`,
);
console.log(
  `a list with one change posts ${(postedBytes / postedLists).toFixed(0)} bytes of JSON to each of ${VIEWS} ports (the change, not the list)`,
);

/**
 * What the background keeps in memory with 10,000 online: the real service, presence store,
 * directory and hub with 30 view ports (bench/background-views.ts), in Node. The heap is read
 * after a full collection, before and after, so the figure is what stays, not what a list passes
 * through. Each list form is measured in a process of its own (started with `--expose-gc`), so one
 * cannot count the other's leftovers. `npx tsx bench/background-heap.ts`; `npm run bench` runs it too.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { encodeOnlineList, type OnlineListFormat } from '../utils/core/protocol/encode';
import type { UserId } from '../utils/core/protocol/schemas';
import { benchBackground, type BenchBackground } from './background-views';
import { benchPeople } from './popup-data';

const ONLINE = 10_000;
const VIEWS = 30;
const LISTS = 20;

const gc = (globalThis as { gc?: () => void }).gc;

function heapAfterGc(): number {
  if (!gc) throw new Error('a measuring process runs with --expose-gc');
  for (let round = 0; round < 3; round++) gc();
  return process.memoryUsage().heapUsed;
}

/** Whether the host's user list arrived; asked without keeping the state it is read from. */
function named(background: BenchBackground): boolean {
  return Object.keys(background.service.state().names).length >= ONLINE;
}

function onlineCount(background: BenchBackground): number {
  return background.service.state().presence.online.length;
}

async function retained(format: OnlineListFormat): Promise<number> {
  const people = benchPeople(ONLINE);
  // The host's user list (the directory source) and the server's list are different texts, so
  // neither shares strings with the other: two sources of 10,000 names, as a real host gives.
  const userList = people.map((person) => ({ id: person.id, name: `${person.name} (${person.id})` }));
  const frames = [people, people.slice(1)].map((online) =>
    encodeOnlineList(
      online.map((person) => ({ id: person.id as UserId, name: person.name })),
      format,
    ),
  );
  const before = heapAfterGc();
  const background = await benchBackground(VIEWS, userList);
  // The directory arrives by fetch; the server's lists after it, one joining or leaving each time.
  for (let wait = 0; !named(background); wait++) {
    if (wait > 500) throw new Error('the directory never arrived');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  for (let list = 0; list <= LISTS; list++) background.receive(frames[list % 2] ?? '');
  if (onlineCount(background) !== ONLINE) throw new Error('the lists were not taken');
  const after = heapAfterGc();
  // Keeps the background reachable until it is measured.
  background.stop();
  return after - before;
}

const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
const formats: readonly OnlineListFormat[] = ['ids', 'objects'];
const asked = formats.find((format) => format === process.argv[2]);
if (asked) {
  console.log(await retained(asked));
  // The background's timers (heartbeat, directory refresh) would keep this process alive.
  process.exit(0);
} else {
  const measureIn = (format: OnlineListFormat) =>
    Number(
      execFileSync(process.execPath, [...process.execArgv, '--expose-gc', fileURLToPath(import.meta.url), format], {
        encoding: 'utf8',
      }),
    );
  const [ids, objects] = formats.map(measureIn);
  const count = ONLINE.toLocaleString('en');
  console.log('');
  console.log('| background heap (Node, after GC) | retained |');
  console.log('| --- | ---: |');
  console.log(`| ${count} online as ids, ${count} directory names, ${VIEWS} ports | ${mib(ids ?? NaN)} |`);
  console.log(
    `| ${count} online as {userId, userName}, ${count} directory names, ${VIEWS} ports | ${mib(objects ?? NaN)} |`,
  );
}

import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { observeRows, type RowBatch, type RowObserver } from '../../../../utils/content/marks/row-observer';
import { mountMarkup } from '../../../fixtures/load';

let batches: RowBatch[];
let frames: (() => void)[];
let life: AbortController;
let rows: RowObserver;
let root: HTMLElement;

const OWN = 'roster-mark';
const nextFrame = async () => {
  await Promise.resolve(); // MutationObserver callbacks are microtasks
  const due = frames;
  frames = [];
  for (const frame of due) frame();
};
const ids = (batch: RowBatch | undefined) => [...(batch?.rows ?? [])].map((row) => row.id).sort();
const containers = (batch: RowBatch | undefined) => [...(batch?.containers ?? [])];

beforeEach(() => {
  batches = [];
  frames = [];
  life = new AbortController();
  root = mountMarkup('<table><tbody><tr id="r1"><td>李四</td></tr><tr id="r2"><td>王五</td></tr></tbody></table>');
  rows = observeRows(
    root,
    (batch) => batches.push(batch),
    { schedule: (callback) => frames.push(callback), isOwn: (node) => node.nodeName.toLowerCase() === OWN },
    life.signal,
  );
  rows.watch('tr', ['data-user-id']);
});

afterEach(() => {
  life.abort();
  document.body.replaceChildren();
});

test('starts by reading the whole page, in one batch on the next frame', async () => {
  expect(batches).toHaveLength(0);
  await nextFrame();
  expect(batches).toHaveLength(1);
  expect(containers(batches[0])).toEqual([root]);
});

test('a burst of host changes in one frame is one batch, with each touched row once', async () => {
  await nextFrame();
  const body = root.querySelector('tbody')!;
  for (let index = 3; index < 53; index++) {
    const row = document.createElement('tr');
    row.id = `r${index}`;
    row.append(document.createElement('td'));
    body.append(row);
  }
  root.querySelector('#r1 td')!.textContent = '赵六';
  root.querySelector('#r2 td')!.firstChild!.nodeValue = 'Alice';
  root.querySelector('#r3')!.setAttribute('data-user-id', '7');
  await nextFrame();
  expect(batches).toHaveLength(2);
  // Fifty rows into one parent: that parent is read whole; the edited rows one by one.
  expect(containers(batches[1])).toEqual([body]);
  expect(ids(batches[1])).toEqual(['r1', 'r2', 'r3']);
  expect(frames).toHaveLength(0);
});

test('removals are reported, so marks that left the page leave the index', async () => {
  await nextFrame();
  expect(batches[0]?.removed).toBe(false);
  root.querySelector('#r2')!.remove();
  await nextFrame();
  expect(batches[1]?.removed).toBe(true);
});

test.each([
  ['replaced at once (a page change)', (body: Element, fresh: Element[]) => body.replaceChildren(...fresh)],
  ['moved row by row (a keyed sort)', (body: Element, fresh: Element[]) => fresh.forEach((row) => body.prepend(row))],
])('a whole list %s is read as one container', async (_, rerender) => {
  await nextFrame();
  const body = root.querySelector('tbody')!;
  const fresh = Array.from({ length: 100 }, () => document.createElement('tr'));
  rerender(body, fresh);
  await nextFrame();
  expect(containers(batches[1])).toEqual([body]);
  expect(batches[1]?.rows.size).toBeLessThanOrEqual(1);
});

test('a few rows added are read one by one', async () => {
  await nextFrame();
  const row = document.createElement('tr');
  row.id = 'r9';
  root.querySelector('tbody')!.append(row);
  await nextFrame();
  expect(ids(batches[1])).toEqual(['r9']);
  expect(containers(batches[1])).toEqual([]);
});

test('inserting its own marks is not a host change: no batch', async () => {
  await nextFrame();
  root.querySelector('#r1 td')!.prepend(document.createElement(OWN));
  await nextFrame();
  expect(batches).toHaveLength(1);
});

test('its own writes during a batch do not come back as the next batch', async () => {
  life.abort();
  life = new AbortController();
  batches = [];
  rows = observeRows(
    root,
    (batch) => {
      batches.push(batch);
      for (const row of batch.rows) row.querySelector('td')?.setAttribute('data-seen', 'yes');
      for (const row of batch.rows) row.querySelector(OWN)?.remove();
    },
    { schedule: (callback) => frames.push(callback), isOwn: () => false },
    life.signal,
  );
  rows.watch('tr', []);
  await nextFrame();
  await nextFrame();
  expect(batches).toHaveLength(1);
});

test('it looks away only during its own batch: host changes right after it are seen, even after a failed batch', async () => {
  life.abort();
  life = new AbortController();
  batches = [];
  rows = observeRows(
    root,
    (batch) => {
      batches.push(batch);
      for (const row of batch.rows) row.querySelector('td')?.append(document.createElement('b'));
      throw new Error('a failed batch');
    },
    { schedule: (callback) => frames.push(callback), isOwn: () => false },
    life.signal,
  );
  rows.watch('tr', []);
  await nextFrame();
  root.querySelector('#r2 td')!.textContent = 'Alice';
  await nextFrame();
  expect(batches).toHaveLength(2);
  expect(ids(batches[1])).toEqual(['r2']);
  // Its own writes during that batch (the <b> in #r2) made no records: nothing more to do.
  await nextFrame();
  expect(batches).toHaveLength(2);
});

test('rows asked for again (a name the directory learned) come in the next batch', async () => {
  await nextFrame();
  rows.enqueue([root.querySelector('#r2')!]);
  await nextFrame();
  expect(ids(batches[1])).toEqual(['r2']);
  expect(containers(batches[1])).toEqual([]);
});

test('after the signal aborts nothing is observed any more', async () => {
  await nextFrame();
  life.abort();
  root.querySelector('#r1 td')!.textContent = 'x';
  await nextFrame();
  expect(batches).toHaveLength(1);
});

test('an empty selector (page out of scope) stops observing', async () => {
  await nextFrame();
  rows.watch('', []);
  root.querySelector('#r1 td')!.textContent = 'x';
  await nextFrame();
  expect(batches).toHaveLength(1);
});

describe('rows inside shadow roots', () => {
  let entered: ShadowRoot[];
  let later: (() => void)[];

  const shadowHost = (mode: ShadowRootMode = 'open') => {
    const host = document.createElement('user-table');
    const shadow = host.attachShadow({ mode });
    shadow.innerHTML = '<table><tbody><tr id="s1"><td>李四</td></tr></tbody></table>';
    return { host, shadow };
  };
  const start = (hosts: string) => {
    life.abort();
    life = new AbortController();
    batches = [];
    entered = [];
    later = [];
    rows = observeRows(
      root,
      (batch) => batches.push(batch),
      {
        schedule: (callback) => frames.push(callback),
        isOwn: (node) => node.nodeName.toLowerCase() === OWN,
        enterRoot: (shadow) => entered.push(shadow),
        timers: {
          setTimeout: (callback: () => void) => later.push(callback) as unknown as ReturnType<typeof setTimeout>,
        },
      },
      life.signal,
    );
    rows.watch('tr', [], hosts);
  };

  test('an open root of a named host is read whole, styled once, and its changes are seen', async () => {
    const { host, shadow } = shadowHost();
    root.append(host);
    start('user-table');
    await nextFrame();
    expect(entered).toEqual([shadow]);
    expect(containers(batches[0])).toEqual([root, shadow.querySelector('table')]);
    shadow.querySelector('#s1 td')!.textContent = '王五';
    await nextFrame();
    expect(ids(batches[1])).toEqual(['s1']);
    expect(entered).toHaveLength(1);
  });

  test.each([
    ['no hosts named', '', 'open'],
    ['another element named', 'other-table', 'open'],
    ['a closed root', 'user-table', 'closed'],
  ] as const)('not entered: %s', async (_, hosts, mode) => {
    const { host, shadow } = shadowHost(mode);
    root.append(host);
    start(hosts);
    await nextFrame();
    expect(entered).toEqual([]);
    shadow.querySelector('#s1 td')!.textContent = '王五';
    await nextFrame();
    expect(batches).toHaveLength(1);
  });

  test('a host added later, and a host nested in a root, are entered', async () => {
    start('user-table');
    await nextFrame();
    const outer = shadowHost();
    const inner = shadowHost();
    outer.shadow.append(inner.host);
    root.append(outer.host);
    await nextFrame();
    expect(entered).toEqual([outer.shadow, inner.shadow]);
    expect(containers(batches[1])).toEqual(
      expect.arrayContaining([outer.shadow.querySelector('table'), inner.shadow.querySelector('table')]),
    );
  });

  test('hosts in a list the host re-rendered whole are entered, the list read once', async () => {
    start('user-table');
    await nextFrame();
    const list = document.createElement('div');
    root.append(list);
    await nextFrame();
    // A re-render: many rows at once into one parent, two of them holding a host (one nested).
    const hosts = [shadowHost(), shadowHost()];
    const items = Array.from({ length: 40 }, (_, index) => {
      const item = document.createElement('section');
      if (index === 3) item.append(hosts[0]!.host);
      if (index === 30) item.append(document.createElement('div'), hosts[1]!.host);
      return item;
    });
    list.replaceChildren(...items);
    await nextFrame();
    expect(entered).toEqual([hosts[0]!.shadow, hosts[1]!.shadow]);
    expect(containers(batches.at(-1))).toEqual(
      expect.arrayContaining([list, hosts[0]!.shadow.querySelector('table'), hosts[1]!.shadow.querySelector('table')]),
    );
  });

  test('a host that gets its root only after it was inserted is looked at again', async () => {
    const host = document.createElement('user-table');
    root.append(host);
    start('user-table');
    await nextFrame();
    expect(entered).toEqual([]);
    expect(later).toHaveLength(1);
    const shadow = host.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<table><tbody><tr id="s9"><td>赵六</td></tr></tbody></table>';
    later.shift()!();
    await nextFrame();
    expect(entered).toEqual([shadow]);
    expect(containers(batches[1])).toEqual([shadow.querySelector('table')]);
  });
});

import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { FirefoxWorld, headline, ME, popupNames, readMarks, SOON, summary } from '../helpers/firefox-world';
import { serverNames } from '../helpers/popup-world';

const world = new FirefoxWorld();
/** Who is online at the start of each test: 李四, 王五 and Alice Martin. */
const COLLEAGUES = ['2', '3', '4'];
let connectionsOfMe = 0;

beforeAll(async () => {
  await world.start();
  world.server.on('connection', ({ userId }) => userId === ME && connectionsOfMe++);
});

// Every test starts with no host tab open, me signed in, and exactly `COLLEAGUES` online.
beforeEach(() => world.reset(...COLLEAGUES));

afterAll(() => world.stop());

/** `count` new host tabs with the demo admin page, as a test of its own opens them. */
async function openHostTabs(count: number): Promise<Page[]> {
  const tabs: Page[] = [];
  for (let tab = 0; tab < count; tab++) tabs.push(await world.openHostTab());
  return tabs;
}

describe('presence in real Firefox (ESR, MV2 build, WebDriver BiDi)', () => {
  test('signing in connects; 5 host tabs and the popup share exactly one socket', async () => {
    // Signed out, with only 李四 and 王五 online: the sign-in below is what connects, and Alice comes later.
    await world.colleagues.keepOnly('2', '3');
    await world.signOut();
    connectionsOfMe = 0;
    /** The five host tabs, the sign-in tab first. */
    const tabs: Page[] = [];
    const started = Date.now();
    tabs.push(await world.signIn());
    console.info(`e2e firefox: sign-in to connected in ${Date.now() - started} ms`);
    for (let tab = 0; tab < 4; tab++) tabs.push(await world.openHostTab());

    const popup = await world.openPopup();
    await expect
      .poll(() => popupNames(popup), { timeout: 10_000, message: 'the popup should list who the server has online' })
      .toEqual(serverNames(world.server));
    expect(await headline(popup)).toBe('Connected');

    // Every tab draws what the background tells it: a change must reach all five through the one socket.
    await world.colleagues.join('4');
    for (const tab of tabs) await world.marksSettle(tab);
    await expect.poll(() => popupNames(popup), { timeout: SOON }).toEqual(serverNames(world.server));
    expect(world.server.connectionCount(ME)).toBe(1);
    expect(connectionsOfMe).toBe(1);
    await popup.close();
  });

  test('every user in the demo page’s three kinds of markup gets one correct mark; fixed-column copies get none', async () => {
    const tabs = await openHostTabs(1);
    const marks = await world.marksSettle(tabs[0]!);
    const users = marks.filter((mark) => mark.table === 'users');
    expect(users.map((mark) => mark.user)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    expect(users.every((mark) => mark.body === 'main' && mark.inNameCell)).toBe(true);
    expect(marks.filter((mark) => mark.table === 'recent').map((mark) => mark.user)).toEqual([
      '3',
      '7',
      '13',
      '2',
      '21',
      '9',
    ]);
    expect(marks.filter((mark) => mark.table === 'team').map((mark) => mark.user)).toEqual([
      '1',
      '2',
      '3',
      '4',
      '6',
      '7',
      '13',
      '21',
      '30',
    ]);
    expect(marks.filter((mark) => mark.table === 'other')).toEqual([]);
    // What a screen reader says, and the hover title.
    expect(users.find((mark) => mark.user === '2')).toMatchObject({
      state: 'online',
      title: 'Online',
      label: 'Online',
    });
    expect(users.find((mark) => mark.user === '5')).toMatchObject({
      state: 'offline',
      title: 'Offline',
      label: 'Offline',
    });
    expect(users.find((mark) => mark.user === ME)).toMatchObject({ state: 'me', label: 'Online (you)' });
    // The hostile name in the page is still the page's text: nothing of ours made it an element.
    const hostile = await tabs[0]!.evaluate(() => ({
      cells: [...document.querySelectorAll('.recent-table td')].filter((cell) =>
        cell.textContent.includes('<img src=x onerror=alert(1)>'),
      ).length,
      images: document.querySelectorAll('.users-table img, .recent-table img, .team img').length,
    }));
    expect(hostile).toEqual({ cells: 1, images: 0 });
  });

  test('a colleague coming online and going offline flips exactly their marks, live, in every tab', async () => {
    const tabs = await openHostTabs(5);
    const before = await Promise.all(tabs.map(async (tab) => summary(await world.marksSettle(tab))));
    const flipped = (marks: string[], to: string) =>
      marks.map((mark) => (mark.split(':')[1] === '6' ? mark.replace(/:[a-z]+$/, `:${to}`) : mark)).sort();
    // User 6 has a row in the el-table and a chip in the team list.
    expect(before[0]!.filter((mark) => mark.split(':')[1] === '6')).toEqual(['team:6:offline', 'users:6:offline']);

    await world.colleagues.join('6');
    for (const [index, tab] of tabs.entries()) {
      await expect
        .poll(async () => summary(await readMarks(tab)), {
          timeout: 10_000,
          message: `tab ${index + 1}: user 6’s marks should turn online, and nothing else change`,
        })
        .toEqual(flipped(before[index]!, 'online'));
    }
    const online = (await readMarks(tabs[0]!)).filter((mark) => mark.user === '6');
    expect(online.map((mark) => [mark.state, mark.label])).toEqual([
      ['online', 'Online'],
      ['online', 'Online'],
    ]);

    await world.colleagues.leave('6');
    for (const [index, tab] of tabs.entries()) {
      await expect
        .poll(async () => summary(await readMarks(tab)), {
          timeout: 10_000,
          message: `tab ${index + 1}: user 6’s marks should turn offline again`,
        })
        .toEqual(before[index]);
    }
  });

  test('the popup lists who is online and calls a colleague: the callee’s socket gets the legacy call frame', async () => {
    const popup = await world.openPopup();
    await expect.poll(() => popupNames(popup), { timeout: 10_000 }).toEqual(['Alice Martin', '李四', '王五']);
    expect(await popup.$eval('.me', (element) => element.textContent)).toContain('You: 章三');
    expect(world.colleagues.pendingCalls('2')).toBe(0);

    await popup.click('button[aria-label="Call 李四"]');
    const frame = await world.colleagues.nextCall('2');
    expect(frame).toMatchObject({
      Sender: ME,
      Receiver: '2',
      Type: 'Event',
      Message: { Event: 'Call', Data: { type: '呼叫', sender: '章三', receiver: '李四' } },
    });
    expect((frame as { SendTime: string }).SendTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}[+-]\d\d:\d\d$/);
    await expect
      .poll(
        () =>
          popup.$$eval('.person', (rows) =>
            rows
              .filter((row) => row.textContent.includes('李四'))
              .map((row) => row.querySelector('.call-status')?.textContent ?? ''),
          ),
        { timeout: SOON },
      )
      .toEqual([expect.stringMatching(/^Sent at /)]);
    expect(world.colleagues.pendingCalls('3')).toBe(0);
    await popup.close();
  });

  test('the hover card comes on a real hover (loaded into the page on first use) and its Call rings the colleague', async () => {
    const [tab] = await openHostTabs(1);
    await world.marksSettle(tab!);
    await tab!.bringToFront();
    expect(await tab!.evaluate(() => document.querySelector('roster-card'))).toBeNull();
    const place = await tab!.evaluate(() => {
      const mark = [...document.querySelectorAll('.users-table .el-table__body-wrapper roster-mark')].find(
        (candidate) => candidate.closest('tr')?.textContent.includes('李四'),
      );
      const box = mark?.getBoundingClientRect();
      return box && { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    });
    if (!place) throw new Error('no mark for 李四');
    await tab!.mouse.move(place.x, place.y);
    const card = () =>
      tab!.evaluate(() => {
        const shown = document.querySelector<HTMLElement>('roster-card');
        return shown && !shown.hidden ? shown.textContent : null;
      });
    await expect.poll(card, { timeout: SOON }).toContain('李四');
    const call = await tab!.evaluate(() => {
      const box = document.querySelector('roster-card button')?.getBoundingClientRect();
      return box && { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    });
    if (!call) throw new Error('no Call button');
    await tab!.mouse.click(call.x, call.y);
    expect(await world.colleagues.nextCall('2')).toMatchObject({ Sender: ME, Receiver: '2' });
  });
});

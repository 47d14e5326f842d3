import type { Frame, Page } from 'puppeteer-core';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { marksInPage, type ShownMark } from '../helpers/dots';
import { FirefoxWorld, SOON, waitUntil } from '../helpers/firefox-world';

/** The demo iframe shell in real Firefox: admin pages in frames, one filled by script, one of another site. */
const world = new FirefoxWorld();
/** The test's own shell tab, opened on its user list. */
let shell: Page;

async function frameOf(key: string): Promise<Frame> {
  const handle = await shell.waitForSelector(`iframe[data-page="${key}"]`, { timeout: 10_000 });
  const content = await handle?.contentFrame();
  if (!content) throw new Error(`no frame ${key}`);
  return content;
}

async function openInShell(key: string): Promise<Frame> {
  await shell.click(`.menu button[data-page="${key}"]`);
  return frameOf(key);
}

const marks = (target: Frame): Promise<ShownMark[]> => target.evaluate(marksInPage);
const statesOf = async (target: Frame, user: string) =>
  (await marks(target)).filter((mark) => mark.user === user).map((mark) => mark.state);

/** Waits until Roster has been through the frame `key` (my own mark is drawn there). */
async function marked(key: string): Promise<void> {
  const target = await frameOf(key);
  await waitUntil(
    async () => (await marks(target).catch(() => [])).some((mark) => mark.user === '1' && mark.state === 'me'),
    15_000,
    () => `the frame ${key} never got my mark`,
  );
}

async function listen(target: Frame): Promise<void> {
  await target.evaluate(() => {
    const heard: unknown[] = [];
    Object.assign(window, { heardCalls: heard });
    window.addEventListener('roster:call', () => heard.push(1));
  });
}
const heard = (target: Frame) =>
  target.evaluate(() => (window as unknown as { heardCalls?: unknown[] }).heardCalls?.length ?? -1);

beforeAll(() => world.start({ settings: { notifications: {} } }));

// Every test gets a new shell (only its user list open), me signed in, only 李四 online and no call ringing.
beforeEach(async () => {
  await world.reset('2');
  await world.endCalls();
  shell = await world.firefox.browser.newPage();
  await shell.goto(`${world.server.httpUrl}/shell.html`);
  await shell.bringToFront();
});

afterAll(() => world.stop());

describe('an iframe shell in real Firefox', () => {
  test('the admin page in a frame is marked, and a colleague coming online flips its mark within a second', async () => {
    const users = await frameOf('users');
    await expect
      .poll(async () => (await marks(users)).filter((mark) => mark.table === 'users').length, { timeout: 15_000 })
      .toBeGreaterThanOrEqual(10);
    expect(await statesOf(users, '1')).toContain('me');
    expect(await statesOf(users, '2')).toContain('online');
    const started = Date.now();
    await world.colleagues.join('3');
    await expect.poll(() => statesOf(users, '3'), { timeout: 5_000, interval: 50 }).not.toContain('offline');
    expect(Date.now() - started).toBeLessThanOrEqual(1_000);
    expect(await statesOf(users, '3')).toContain('online');
  });

  test('a tab opened later, and a frame the shell fills by script, get marks', async () => {
    const again = await openInShell('users-2');
    await expect
      .poll(async () => (await marks(again)).filter((mark) => mark.table === 'users').length, { timeout: 15_000 })
      .toBeGreaterThanOrEqual(10);
    const quick = await openInShell('quick');
    await expect
      .poll(async () => (await marks(quick)).map((mark) => `${mark.user}:${mark.state}`), { timeout: 15_000 })
      .toEqual(expect.arrayContaining(['1:me', '2:online']));
  });

  test('a frame of another site is never touched', async () => {
    const foreign = await openInShell('foreign');
    await foreign.waitForSelector('tr[data-user-id="1"]', { timeout: 10_000 });
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(await foreign.evaluate(() => document.querySelectorAll('roster-mark, roster-call-toasts').length)).toBe(0);
  });

  test('an incoming call: one toast in the tab (in the top document), the host event in every host frame', async () => {
    // The shell as a person has it by now: every page open, Roster running in each host frame.
    await marked('users');
    await openInShell('users-2');
    await marked('users-2');
    await openInShell('quick');
    await marked('quick');
    const foreign = await openInShell('foreign');
    await foreign.waitForSelector('tr[data-user-id="1"]', { timeout: 10_000 });
    const hostFrames = [shell.mainFrame(), await frameOf('users'), await frameOf('users-2'), await frameOf('quick')];
    for (const target of hostFrames) await listen(target);
    await shell.bringToFront();
    world.colleagues.call('2');
    for (const target of hostFrames) await expect.poll(() => heard(target), { timeout: 10_000 }).toBe(1);
    await expect
      .poll(() => world.toastTexts(shell), { timeout: SOON })
      .toEqual([expect.stringContaining('李四 is calling')]);
    for (const target of hostFrames.slice(1))
      expect(await target.evaluate(() => document.querySelectorAll('roster-call-toasts').length)).toBe(0);
    expect(await heard(await frameOf('foreign'))).toBe(-1);
  });
});

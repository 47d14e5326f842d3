/**
 * The floor: what one mark changing costs this page at the least. The same page, the same rows,
 * no socket and no Roster; a script writes one icon's class and the browser restyles and paints.
 * Traced like the presence changes, over the same window length.
 */
import type { CDPSession } from 'playwright-core';
import { flipUser } from './changes';
import type { PeerPageWindow } from './recipe-page';
import type { HostTab } from './tabs';
import { stamp } from './tabs';
import { startTrace, stopTrace, type KindTimes } from './trace';

const SETTLE_MS = 300;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function measureFloor(
  tab: HostTab,
  tracer: CDPSession,
  rows: number,
  flips: number,
  id: string,
): Promise<KindTimes[]> {
  await startTrace(tracer);
  for (let flip = 0; flip < flips; flip++) {
    const userId = flipUser(Math.floor(flip / 2), rows);
    const online =
      (await tab.page.evaluate(
        (userId) => (window as unknown as PeerPageWindow).peerBench.stateOf('recipe', userId),
        userId,
      )) !== 'online';
    await stamp([tab], () => `${id}:s:${flip}`);
    await tab.page.evaluate(
      ({ userId, online }) => (window as unknown as PeerPageWindow).peerBench.floorFlip(userId, online),
      { userId, online },
    );
    await pause(SETTLE_MS);
    await stamp([tab], () => `${id}:e:${flip}`);
  }
  const trace = await stopTrace(tracer);
  return Array.from({ length: flips }, (_, flip) => {
    const times = trace.between(`${id}:s:${flip}`, `${id}:e:${flip}`);
    if (!times) throw new Error(`trace: no floor window ${id} ${flip}`);
    return times;
  });
}

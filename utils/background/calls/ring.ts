import { browser } from 'wxt/browser';
import { createLogger } from '../../core/log';
import { RING_MESSAGE, type RingMessage } from '../../core/messages/background-offscreen';

const log = createLogger('ring');
const OFFSCREEN_PATH = '/offscreen.html';

/**
 * Plays the bundled ring. A service worker has no audio, so Chrome plays it in an offscreen
 * document; Firefox's background page plays it itself.
 */
export function playRing(volume: number): void {
  const play = import.meta.env.FIREFOX ? playHere(volume) : playOffscreen(volume);
  play.catch((error: unknown) => log.warn('could not play the ring', error));
}

async function playHere(volume: number): Promise<void> {
  const audio = new Audio(browser.runtime.getURL('/ring.wav'));
  audio.volume = volume;
  await audio.play();
}

async function playOffscreen(volume: number): Promise<void> {
  const url = browser.runtime.getURL(OFFSCREEN_PATH);
  const contexts = await browser.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'], documentUrls: [url] });
  if (contexts.length === 0) {
    await browser.offscreen.createDocument({
      url: OFFSCREEN_PATH,
      reasons: ['AUDIO_PLAYBACK'],
      justification: 'Ring when a colleague calls (the sound is off unless the user turns it on).',
    });
  }
  const message: RingMessage = { type: RING_MESSAGE, volume };
  await browser.runtime.sendMessage(message);
}

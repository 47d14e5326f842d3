import * as v from 'valibot';
import { browser } from 'wxt/browser';
import { RingMessageSchema } from '../../utils/ring-message';

// Chrome's offscreen document: the service worker has no audio, so the ring plays here.
browser.runtime.onMessage.addListener((message: unknown, sender) => {
  if (sender.id !== browser.runtime.id) return;
  const ring = v.safeParse(RingMessageSchema, message);
  if (!ring.success) return;
  const audio = new Audio(browser.runtime.getURL('/ring.wav'));
  audio.volume = ring.output.volume;
  void audio.play();
});

import * as v from 'valibot';
import { browser } from 'wxt/browser';
import { fromBackground, RingMessageSchema } from '../../utils/core/messages/background-offscreen';

// Chrome's offscreen document: the service worker has no audio, so the ring plays here. Only the
// background rings: a content script (a host page's renderer) has a tab, and no say here.
browser.runtime.onMessage.addListener((message: unknown, sender) => {
  if (!fromBackground(sender, browser.runtime.id, browser.runtime.getURL('/'))) return;
  const ring = v.safeParse(RingMessageSchema, message);
  if (!ring.success) return;
  const audio = new Audio(browser.runtime.getURL('/ring.wav'));
  audio.volume = ring.output.volume;
  void audio.play();
});

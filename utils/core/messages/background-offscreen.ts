import * as v from 'valibot';

export const RING_MESSAGE = 'roster:ring';

/** The one message the offscreen document takes: play the ring at this volume. */
export const RingMessageSchema = v.object({
  type: v.literal(RING_MESSAGE),
  volume: v.pipe(v.number(), v.minValue(0), v.maxValue(1)),
});
export type RingMessage = v.InferOutput<typeof RingMessageSchema>;

/** Whether a message comes from this extension's own background, not a content script or another extension. */
export function fromBackground(
  sender: { readonly id?: string; readonly url?: string; readonly tab?: unknown },
  extensionId: string,
  extensionOrigin: string,
): boolean {
  return sender.id === extensionId && sender.tab === undefined && (sender.url?.startsWith(extensionOrigin) ?? false);
}

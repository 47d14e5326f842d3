import type { CDPSession } from 'playwright-core';
import type { ExtensionBrowser } from '../tests/e2e/helpers/chromium';

interface HeapUsage {
  readonly usedSize: number;
  readonly totalSize: number;
}

/**
 * The JavaScript heap of the extension's service worker after a full collection, read over CDP.
 * Playwright opens CDP sessions on pages only, so the worker is reached from a page's session with
 * `Target.sendMessageToTarget` (the non-flat protocol, which Chromium still serves).
 */
export async function workerHeapAfterGc(browser: ExtensionBrowser): Promise<HeapUsage> {
  const page = await browser.context.newPage();
  const cdp = await browser.context.newCDPSession(page);
  try {
    const { targetInfos } = (await cdp.send('Target.getTargets')) as {
      targetInfos: { targetId: string; type: string; url: string }[];
    };
    const worker = targetInfos.find(
      (info) => info.type === 'service_worker' && info.url.startsWith(`chrome-extension://${browser.extensionId}/`),
    );
    if (!worker) throw new Error('the extension has no running service worker');
    const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: worker.targetId, flatten: false });
    const send = inWorker(cdp, sessionId);
    // Twice: what the first collection frees can let the second free more (weak references, finalisers).
    await send('HeapProfiler.collectGarbage');
    await send('HeapProfiler.collectGarbage');
    return (await send('Runtime.getHeapUsage')) as HeapUsage;
  } finally {
    await cdp.detach();
    await page.close();
  }
}

/** A CDP command to the attached worker, answered by its id. */
function inWorker(cdp: CDPSession, sessionId: string) {
  let nextId = 1;
  const waiting = new Map<number, (result: unknown) => void>();
  cdp.on('Target.receivedMessageFromTarget', (event: { sessionId: string; message: string }) => {
    if (event.sessionId !== sessionId) return;
    const reply = JSON.parse(event.message) as { id?: number; result?: unknown; error?: { message: string } };
    if (reply.id === undefined) return;
    const settle = waiting.get(reply.id);
    waiting.delete(reply.id);
    settle?.(reply.error ? new Error(reply.error.message) : reply.result);
  });
  return (method: string, params: Record<string, unknown> = {}) =>
    new Promise<unknown>((resolve, reject) => {
      const id = nextId++;
      waiting.set(id, (result) => (result instanceof Error ? reject(result) : resolve(result)));
      cdp
        .send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) })
        .catch(reject);
    });
}

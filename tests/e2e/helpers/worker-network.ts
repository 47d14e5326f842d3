import type { ExtensionBrowser } from './chromium';

export interface WorkerNetwork {
  /** DevTools' offline mode for the service worker alone: its fetches and new sockets fail, `navigator.onLine` follows. */
  setOffline(offline: boolean): Promise<void>;
  detach(): Promise<void>;
}

interface TargetInfo {
  readonly targetId: string;
  readonly type: string;
  readonly url: string;
}

interface Reply {
  readonly id: number;
  readonly error?: { readonly message: string };
}

/**
 * A DevTools session on the extension's service worker. Playwright opens CDP sessions on pages
 * only, so this attaches to the worker from a page's session and talks to it through
 * `Target.sendMessageToTarget` (not flattened: Playwright would not route a child session).
 */
export async function workerNetwork(browser: ExtensionBrowser): Promise<WorkerNetwork> {
  const page = browser.context.pages()[0] ?? (await browser.context.newPage());
  const cdp = await browser.context.newCDPSession(page);
  const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: TargetInfo[] };
  const target = targetInfos.find(
    (info) => info.type === 'service_worker' && info.url.startsWith(`chrome-extension://${browser.extensionId}/`),
  );
  if (!target) throw new Error('the extension has no running service worker');
  const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: target.targetId, flatten: false });

  let lastId = 0;
  const pending = new Map<number, (reply: Reply) => void>();
  cdp.on('Target.receivedMessageFromTarget', (event: { sessionId: string; message: string }) => {
    if (event.sessionId !== sessionId) return;
    const reply = JSON.parse(event.message) as Partial<Reply>;
    if (reply.id === undefined) return;
    pending.get(reply.id)?.(reply as Reply);
    pending.delete(reply.id);
  });
  const send = async (method: string, params: Record<string, unknown> = {}): Promise<void> => {
    const id = ++lastId;
    const replied = new Promise<Reply>((resolve) => pending.set(id, resolve));
    await cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) });
    const reply = await replied;
    if (reply.error) throw new Error(`${method}: ${reply.error.message}`);
  };

  await send('Network.enable');
  return {
    setOffline: (offline) =>
      send('Network.emulateNetworkConditions', { offline, latency: 0, downloadThroughput: -1, uploadThroughput: -1 }),
    async detach() {
      await cdp.send('Target.detachFromTarget', { sessionId }).catch(() => undefined);
      await cdp.detach().catch(() => undefined);
    },
  };
}

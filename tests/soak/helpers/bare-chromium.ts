import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXTENSION_DIR } from '../../e2e/helpers/chromium';
import { CdpClient } from './cdp-client';

interface Evaluated {
  readonly result: { readonly value?: unknown };
  readonly exceptionDetails?: { readonly text: string; readonly exception?: { readonly description?: string } };
}

interface TargetInfo {
  readonly targetId: string;
  readonly type: string;
  readonly url: string;
}

export interface BareChromium {
  readonly extensionId: string;
  /** Whether the extension's service worker is running now (listed, never attached to). */
  workerRunning(): Promise<boolean>;
  /** Opens `url` in a new tab; resolves with a function that closes it. */
  open(url: string): Promise<() => Promise<void>>;
  /** Runs `expression` (awaited) in a new tab of `url`, e.g. an extension page, then closes that tab. */
  evaluateIn(url: string, expression: string): Promise<unknown>;
  close(): Promise<void>;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

async function until<T>(
  what: string,
  timeoutMs: number,
  look: () => Promise<T | undefined> | T | undefined,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = await look();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`no ${what} within ${timeoutMs} ms`);
    await sleep(100);
  }
}

/**
 * Debian's Chromium started by hand, headless, with a copy of the built extension (an e2e run
 * elsewhere may rebuild `.output/` meanwhile) and a debugging port. Unlike Playwright, nothing
 * attaches to the service worker, so Chromium stops it when idle exactly as it does for users.
 */
export async function launchBareChromium(): Promise<BareChromium> {
  const home = mkdtempSync(join(tmpdir(), 'roster-soak-'));
  const extension = join(home, 'extension');
  const profile = join(home, 'profile');
  cpSync(EXTENSION_DIR, extension, { recursive: true });
  const chromium: ChildProcess = spawn(
    process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    [
      '--headless',
      `--user-data-dir=${profile}`,
      '--remote-debugging-port=0',
      `--disable-extensions-except=${extension}`,
      `--load-extension=${extension}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      'about:blank',
    ],
    { stdio: 'ignore' },
  );
  const portFile = join(profile, 'DevToolsActivePort');
  const [port, path] = await until('DevToolsActivePort', 15_000, () =>
    existsSync(portFile) ? readFileSync(portFile, 'utf8').trim().split('\n') : undefined,
  );
  const cdp = await CdpClient.connect(`ws://127.0.0.1:${port ?? ''}${path ?? ''}`);

  const targets = async (): Promise<TargetInfo[]> =>
    (await cdp.send<{ targetInfos: TargetInfo[] }>('Target.getTargets')).targetInfos;
  const worker = await until('extension service worker', 15_000, async () =>
    (await targets()).find(
      (target) => target.type === 'service_worker' && target.url.startsWith('chrome-extension://'),
    ),
  );
  const extensionId = new URL(worker.url).host;

  const open = async (url: string): Promise<() => Promise<void>> => {
    const { targetId } = await cdp.send<{ targetId: string }>('Target.createTarget', { url });
    return async () => {
      await cdp.send('Target.closeTarget', { targetId });
    };
  };

  return {
    extensionId,
    workerRunning: async () =>
      (await targets()).some(
        (target) => target.type === 'service_worker' && target.url.startsWith(`chrome-extension://${extensionId}/`),
      ),
    open,
    async evaluateIn(url, expression) {
      const { targetId } = await cdp.send<{ targetId: string }>('Target.createTarget', { url });
      const { sessionId } = await cdp.send<{ sessionId: string }>('Target.attachToTarget', { targetId, flatten: true });
      try {
        // The new tab starts on about:blank: retry until the page is there and the expression ran.
        let failure = '';
        const value = await until('an evaluation', 10_000, async () => {
          const answer = await cdp
            .send<Evaluated>('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true }, sessionId)
            .catch((error: unknown): Evaluated => ({ result: {}, exceptionDetails: { text: String(error) } }));
          if (!answer.exceptionDetails) return { value: answer.result.value };
          failure = answer.exceptionDetails.exception?.description ?? answer.exceptionDetails.text;
          return undefined;
        }).catch(() => {
          throw new Error(`in ${url}: ${failure}`);
        });
        return value.value;
      } finally {
        await cdp.send('Target.closeTarget', { targetId });
      }
    },
    async close() {
      cdp.close();
      if (chromium.exitCode === null) {
        const exited = new Promise((resolve) => chromium.once('exit', resolve));
        chromium.kill('SIGTERM');
        await exited;
      }
      rmSync(home, { recursive: true, force: true });
    },
  };
}

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';

export const EXTENSION_DIR = resolve('.output/chrome-mv3-demo');

export interface ExtensionBrowser {
  readonly context: BrowserContext;
  readonly extensionId: string;
  /** The service worker; the same handle keeps talking to a restarted worker. */
  readonly worker: Worker;
  readonly popupUrl: string;
  close(): Promise<void>;
}

export interface LaunchOptions {
  /** More Chromium flags, e.g. `--lang=zh-CN` for the extension's UI language. */
  readonly args?: readonly string[];
  /** More environment for the browser process (`LANGUAGE` also decides the UI language on Linux). */
  readonly env?: Readonly<Record<string, string>>;
  /** Another unpacked build to load (e.g. a copy with its own `key`, hence its own id). */
  readonly extensionDir?: string;
}

/** Debian's Chromium, headless, with the built extension loaded into a fresh profile. */
export async function launchWithExtension(options: LaunchOptions = {}): Promise<ExtensionBrowser> {
  const profile = mkdtempSync(join(tmpdir(), 'roster-e2e-'));
  const extensionDir = options.extensionDir ?? EXTENSION_DIR;
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    ignoreDefaultArgs: ['--disable-extensions'],
    ...(options.env ? { env: { ...process.env, ...options.env } } : {}),
    args: [
      ...(options.args ?? []),
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    extensionId,
    worker,
    popupUrl: `chrome-extension://${extensionId}/popup.html`,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Stops the extension's service worker the way Chrome does when it is idle. */
export async function killServiceWorker(browser: ExtensionBrowser): Promise<void> {
  const page = browser.context.pages()[0] ?? (await browser.context.newPage());
  const cdp = await browser.context.newCDPSession(page);
  const { targetInfos } = (await cdp.send('Target.getTargets')) as {
    targetInfos: { targetId: string; type: string; url: string }[];
  };
  const target = targetInfos.find(
    (info) => info.type === 'service_worker' && info.url.startsWith(`chrome-extension://${browser.extensionId}/`),
  );
  if (!target) throw new Error('the extension has no running service worker');
  await cdp.send('Target.closeTarget', { targetId: target.targetId });
  await cdp.detach();
}

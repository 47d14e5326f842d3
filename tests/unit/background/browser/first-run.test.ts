import { beforeEach, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  needsSetup,
  openOptionsOnFirstInstall,
  POLICY_WAIT_ON_INSTALL_MS,
  type FirstRunDeps,
} from '../../../../utils/background/browser/first-run';
import { defaultSettings } from '../../../../utils/core/settings/validate';

beforeEach(() => fakeBrowser.reset());

function deps(serverUrl: string) {
  const opened = vi.fn(() => Promise.resolve());
  const loadSettings = vi.fn(() => Promise.resolve({ settings: { ...defaultSettings(), serverUrl } }));
  return { deps: { loadSettings, openOptionsPage: opened } satisfies FirstRunDeps, opened, loadSettings };
}

test.each([
  ['install', '', true],
  ['install', 'wss://corp/ws', false],
  ['update', '', false],
  ['browser_update', '', false],
] as const)('%s with server %j opens the settings page: %s', async (reason, serverUrl, opens) => {
  const world = deps(serverUrl);
  openOptionsOnFirstInstall(world.deps);
  await fakeBrowser.runtime.onInstalled.trigger({ reason, temporary: false });
  await new Promise((resolve) => setTimeout(resolve, 0));
  expect(world.opened).toHaveBeenCalledTimes(opens ? 1 : 0);
  // On install, the policy is waited for: a managed browser has its server from IT.
  if (reason === 'install') expect(world.loadSettings).toHaveBeenCalledWith(POLICY_WAIT_ON_INSTALL_MS);
});

test.each([
  ['', true],
  ['ws://localhost:8787/ws', false],
])('needsSetup(%j) = %s', (serverUrl, expected) => {
  expect(needsSetup({ serverUrl })).toBe(expected);
});

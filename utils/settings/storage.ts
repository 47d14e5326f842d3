import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { createLogger } from '../log';
import { leafPaths, mergeSettings, withoutPath } from './merge';
import { SETTINGS_VERSION, type Settings } from './schema';
import { defaultSettings, validateSettings, type SettingsIssue, type SettingsResult } from './validate';

const log = createLogger('settings');

/** What the user saved (already validated); absent until they save something. */
export const localSettings = storage.defineItem<Record<string, unknown>>('local:settings', {
  fallback: {},
  version: SETTINGS_VERSION,
});

export interface EffectiveSettings {
  readonly settings: Settings;
  /** Fields an IT policy forces: shown locked, never editable. */
  readonly locked: readonly string[];
  /** Policy values we could not use, with why: logged and shown, not fatal. */
  readonly policyIssues: readonly SettingsIssue[];
}

/** Defaults ← the user's settings ← IT policy (`storage.managed`), validated. */
export async function loadSettings(): Promise<EffectiveSettings> {
  const [local, managed] = await Promise.all([localSettings.getValue(), readManaged()]);
  return resolveSettings(local, managed);
}

export function resolveSettings(local: unknown, managed: unknown): EffectiveSettings {
  let policy = managed;
  const policyIssues: SettingsIssue[] = [];
  // A bad policy field is dropped on its own so one typo by an admin does not undo the rest.
  for (let round = 0; round < 50; round++) {
    const result = validateSettings(mergeSettings(local, policy));
    if (result.ok) return { settings: result.settings, locked: leafPaths(policy), policyIssues };
    const policyPaths = leafPaths(policy);
    const fromPolicy = result.error.issues.filter((issue) => policyPaths.some((path) => isWithin(issue.field, path)));
    if (fromPolicy.length === 0) break;
    for (const issue of fromPolicy) {
      policyIssues.push(issue);
      policy = withoutPath(policy, policyPaths.find((path) => isWithin(issue.field, path)) ?? issue.field);
    }
  }
  // Stored settings were validated on save; reaching here means a migration bug. Keep working.
  log.error('stored settings are invalid; using defaults and policy only');
  const fallback = validateSettings(policy);
  return fallback.ok
    ? { settings: fallback.settings, locked: leafPaths(policy), policyIssues }
    : { settings: defaultSettings(), locked: [], policyIssues };
}

function isWithin(field: string, path: string): boolean {
  return field === path || field.startsWith(`${path}.`) || path.startsWith(`${field}.`);
}

/** Validates the whole value before anything is written: nothing half-applied. */
export async function saveSettings(input: unknown): Promise<SettingsResult> {
  const result = validateSettings(input);
  if (result.ok) await localSettings.setValue({ ...result.settings });
  return result;
}

async function readManaged(): Promise<Record<string, unknown>> {
  try {
    return await browser.storage.managed.get();
  } catch {
    // Firefox throws when no policy is installed; that simply means "no policy".
    return {};
  }
}

/** Calls back with fresh effective settings whenever the user's settings or the policy change. */
export function watchSettings(listener: (settings: EffectiveSettings) => void, signal: AbortSignal): void {
  const reload = () => {
    loadSettings().then(listener, (error: unknown) => log.error('reloading settings failed', error));
  };
  const unwatch = localSettings.watch(reload);
  const onChanged = (_changes: unknown, area: string) => {
    if (area === 'managed') reload();
  };
  browser.storage.onChanged.addListener(onChanged);
  signal.addEventListener('abort', () => {
    unwatch();
    browser.storage.onChanged.removeListener(onChanged);
  }, { once: true });
}

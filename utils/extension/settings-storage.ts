import type { TimerHandle } from '../core/timers';
import { browser } from 'wxt/browser';
import { protectedItem } from './protected-item';
import { createLogger } from '../core/log';
import { leafPaths, mergeSettings, prototypeKeyPaths, withoutPath } from '../core/settings/merge';
import { SETTINGS_VERSION, type Settings } from '../core/settings/schema';
import { defaultSettings, validateSettings, type SettingsIssue, type SettingsResult } from '../core/settings/validate';

const log = createLogger('settings');

/** What the user saved (already validated); absent until they save something. Content scripts cannot reach it. */
export const localSettings = protectedItem<Record<string, unknown>>('settings', {
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

/**
 * Defaults ← the user's settings ← IT policy (`storage.managed`), validated. The policy is waited
 * for `waitForPolicyMs` at most (see `readManaged`); first-run waits longer than views do.
 */
export async function loadSettings(waitForPolicyMs = MANAGED_WAIT_MS): Promise<EffectiveSettings> {
  const [local, managed] = await Promise.all([localSettings.getValue(), readManaged(waitForPolicyMs)]);
  return resolveSettings(local, managed);
}

/** What the options page edits: the effective settings, and the user's own ones under the policy. */
export interface EditableSettings extends EffectiveSettings {
  /**
   * What the user saved, defaults filled in. Policy values are not in it: saving a form never
   * copies a policy value into the user's settings, where it would outlive the policy.
   */
  readonly own: Settings;
}

export async function loadEditableSettings(): Promise<EditableSettings> {
  const [local, managed] = await Promise.all([localSettings.getValue(), readManaged(MANAGED_WAIT_MS)]);
  const own = validateSettings(usableSavedSettings(local));
  return { ...resolveSettings(local, managed), own: own.ok ? own.settings : defaultSettings() };
}

export function resolveSettings(local: unknown, managed: unknown): EffectiveSettings {
  const saved = usableSavedSettings(local);
  let policy = managed;
  // `mergeSettings` refuses `__proto__` and the like; the admin is told, as for any unknown field.
  const policyIssues: SettingsIssue[] = prototypeKeyPaths(managed).map((field) => ({
    field,
    message: 'is not a known setting',
  }));
  // A bad policy field is dropped on its own so one typo by an admin does not undo the rest.
  for (let round = 0; round < 50; round++) {
    const result = validateSettings(mergeSettings(saved, policy));
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

/**
 * The user's saved settings without the fields this version refuses, saved by an older one (a
 * site-profile pattern now judged unsafe, say): those fields alone go back to their defaults,
 * logged, instead of every saved setting with them. Lists count as one field.
 */
export function usableSavedSettings(local: unknown): unknown {
  let saved = local;
  for (let round = 0; round < 50; round++) {
    const result = validateSettings(saved);
    if (result.ok) return saved;
    const paths = leafPaths(saved);
    const refused = new Set(
      result.error.issues.flatMap((issue) => paths.filter((path) => isWithin(issue.field, path))),
    );
    if (refused.size === 0) {
      // Not a settings object at all (hand-edited or damaged: a string, a list): nothing to keep
      // field by field, so say so rather than fall silently back to the defaults.
      log.warn('the saved settings are not a settings object: all back to their defaults until saved again');
      return {};
    }
    log.warn(`saved settings this version refuses are back to their defaults: ${[...refused].join(', ')}`);
    for (const path of refused) saved = withoutPath(saved, path);
  }
  return saved;
}

function isWithin(field: string, path: string): boolean {
  return field === path || field.startsWith(`${path}.`) || path.startsWith(`${field}.`);
}

/** Changes some of the user's saved settings (a popup toggle), validated like any save. */
export async function updateSettings(patch: Record<string, unknown>): Promise<SettingsResult> {
  return saveSettings(mergeSettings(await localSettings.getValue(), patch));
}

/** Validates the whole value before anything is written: nothing half-applied. */
export async function saveSettings(input: unknown): Promise<SettingsResult> {
  const result = validateSettings(input);
  if (result.ok) await localSettings.setValue({ ...result.settings });
  return result;
}

/**
 * Chromium answers the first `storage.managed.get()` after launch only after seconds (~5 s seen).
 * Nobody waits that long for it: settings apply at once without the policy, and again with it
 * as soon as it answers (`followSettings`).
 */
const MANAGED_WAIT_MS = 500;
let firstManagedRead: Promise<Record<string, unknown>> | undefined;

function managedAnswered(): Promise<Record<string, unknown>> {
  firstManagedRead ??= browser.storage.managed.get().catch(() => {
    // Firefox throws when no policy is installed; that simply means "no policy".
    return {};
  });
  return firstManagedRead;
}

async function readManaged(waitMs: number): Promise<Record<string, unknown>> {
  let timer: TimerHandle | undefined;
  const tooLate = new Promise<'too-late'>((resolve) => (timer = setTimeout(() => resolve('too-late'), waitMs)));
  const first = await Promise.race([managedAnswered(), tooLate]);
  clearTimeout(timer);
  if (first === 'too-late') return {};
  // The first answer is kept only to know the API is ready; the policy may have changed since.
  return browser.storage.managed.get().catch(() => ({}));
}

/**
 * Calls back with the effective settings now, and again whenever the user's settings or the
 * policy change, until `signal` aborts. Loads can overlap; only the latest one is delivered, and
 * only when it differs from the last.
 */
export function followSettings(listener: (settings: EffectiveSettings) => void, signal: AbortSignal): void {
  follow(() => loadSettings(), listener, signal);
}

/** `followSettings` for the options page: the user's own settings come along. */
export function followEditableSettings(listener: (settings: EditableSettings) => void, signal: AbortSignal): void {
  follow(loadEditableSettings, listener, signal);
}

function follow<T>(load: () => Promise<T>, listener: (settings: T) => void, signal: AbortSignal): void {
  let latest = 0;
  let delivered = '';
  const reload = () => {
    const current = ++latest;
    load().then(
      (settings) => {
        const key = JSON.stringify(settings);
        if (current !== latest || signal.aborted || key === delivered) return;
        delivered = key;
        listener(settings);
      },
      (error: unknown) => log.error('loading settings failed', error),
    );
  };
  const unwatch = localSettings.watch(reload);
  const onChanged = (_changes: unknown, area: string) => {
    if (area === 'managed') reload();
  };
  browser.storage.onChanged.addListener(onChanged);
  signal.addEventListener(
    'abort',
    () => {
      unwatch();
      browser.storage.onChanged.removeListener(onChanged);
    },
    { once: true },
  );
  reload();
  void managedAnswered().then(reload);
}

import { leafPaths } from '../../core/settings/merge';
import type { Settings } from '../../core/settings/schema';
import { validateSettings, type SettingsIssue } from '../../core/settings/validate';
import { getPath, setPath } from './paths';
import { jsonEqual, toJson, type Json } from './json';

/** Larger files are refused unread: a settings file is a few kilobytes. */
export const MAX_SETTINGS_FILE_BYTES = 1024 * 1024;

export type ImportResult =
  /** The whole file is valid: the form takes it (fields it leaves out get their defaults). */
  | { readonly ok: true; readonly draft: Json }
  | { readonly ok: false; readonly problem: 'too-large' }
  | { readonly ok: false; readonly problem: 'not-json'; readonly detail: string }
  /** Valid JSON, wrong settings: every problem, by field. Nothing of the file is used. */
  | { readonly ok: false; readonly problem: 'invalid'; readonly issues: readonly SettingsIssue[] };

/** Reads a settings file (the documented JSON). All or nothing. Pure. */
export function parseSettingsFile(text: string, bytes = text.length): ImportResult {
  if (bytes > MAX_SETTINGS_FILE_BYTES) return { ok: false, problem: 'too-large' };
  let json: unknown;
  try {
    // Editors on Windows like to start UTF-8 files with a byte-order mark.
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return { ok: false, problem: 'not-json', detail: error instanceof Error ? error.message : String(error) };
  }
  const result = validateSettings(json);
  if (!result.ok) return { ok: false, problem: 'invalid', issues: result.error.issues };
  return { ok: true, draft: toJson(result.settings) };
}

/** The settings as a file to keep or hand on: every field, in the documented format. */
export function settingsFileText(settings: Settings): string {
  return `${JSON.stringify(settings, null, 2)}\n`;
}

/** Only the fields that differ from the defaults (lists count whole): what a policy should force. */
export function nonDefaultSettings(settings: Settings, defaults: Settings): Json {
  let result: Json = {};
  for (const path of leafPaths(settings)) {
    const value = getPath(settings, path);
    if (!jsonEqual(value, getPath(defaults, path))) result = setPath(result, path, toJson(value));
  }
  return result;
}

export type PolicyTarget = 'chrome' | 'firefox';

/**
 * A policy that forces these settings on every managed browser: Chrome, Edge and Chromium read
 * `3rdparty.extensions.<id>` from a JSON file in their policy folder; Firefox reads
 * `policies.3rdparty.Extensions.<id>` from `policies.json`. Only non-default fields are forced, so
 * users keep the rest.
 */
export function policyFileText(
  settings: Settings,
  defaults: Settings,
  target: PolicyTarget,
  extensionId: string,
): string {
  const values = nonDefaultSettings(settings, defaults);
  const policy =
    target === 'chrome'
      ? { '3rdparty': { extensions: { [extensionId]: values } } }
      : { policies: { '3rdparty': { Extensions: { [extensionId]: values } } } };
  return `${JSON.stringify(policy, null, 2)}\n`;
}

export function exportFileName(kind: 'settings' | PolicyTarget): string {
  return kind === 'settings' ? 'roster-settings.json' : kind === 'chrome' ? 'roster-policy.json' : 'policies.json';
}

import * as v from 'valibot';
import { SettingsSchema, type Settings } from './schema';

export interface SettingsIssue {
  /** Dotted path of the offending field, e.g. `connection.heartbeatSeconds`. */
  readonly field: string;
  readonly message: string;
}

export class InvalidSettingsError extends Error {
  override readonly name = 'InvalidSettingsError';

  constructor(readonly issues: readonly SettingsIssue[]) {
    super(issues.map((issue) => `${issue.field}: ${issue.message}`).join('\n'));
  }
}

export type SettingsResult =
  { readonly ok: true; readonly settings: Settings } | { readonly ok: false; readonly error: InvalidSettingsError };

/** Checks a whole settings value (missing fields get defaults); all or nothing. */
export function validateSettings(input: unknown): SettingsResult {
  // Valibot's object schemas accept arrays (they are objects): a settings file never is one.
  if (Array.isArray(input)) {
    return { ok: false, error: new InvalidSettingsError([{ field: '(settings)', message: 'must be a JSON object' }]) };
  }
  const result = v.safeParse(SettingsSchema, input);
  if (result.success) return { ok: true, settings: result.output };
  return { ok: false, error: new InvalidSettingsError(result.issues.map(toIssue)) };
}

export function defaultSettings(): Settings {
  return v.parse(SettingsSchema, {});
}

function toIssue(issue: v.BaseIssue<unknown>): SettingsIssue {
  const field = v.getDotPath(issue) ?? '(settings)';
  const unknownKey = issue.kind === 'schema' && issue.expected === 'never';
  return { field, message: unknownKey ? 'is not a known setting' : issue.message };
}

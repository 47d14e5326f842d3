import { issueAt } from '../../../utils/pages/options/issues';
import { issueText } from '../../../utils/pages/options/issue-text';
import { isLocked } from '../../../utils/pages/options/locks';
import { getPath } from '../../../utils/pages/options/paths';
import { t } from '../../../utils/extension/i18n';
import type { SettingsIssue } from '../../../utils/core/settings/validate';
import { fieldId, useForm } from '../form-context';

export interface FieldModel {
  readonly id: string;
  /** The policy's value when locked, else the draft's. */
  readonly value: unknown;
  readonly locked: boolean;
  readonly issue: SettingsIssue | undefined;
  /** The problem in the user's language, when one is shown. */
  readonly error: string | undefined;
  readonly hintId: string;
  readonly errorId: string;
  readonly lockId: string;
}

/** One field's view of the form: its value, whether policy locks it, its problem in words. */
export function useField(path: string): FieldModel {
  const { state, shownIssues } = useForm();
  const id = fieldId(path);
  const locked = isLocked(state.locked, path);
  const issue = locked ? undefined : issueAt(shownIssues, path);
  return {
    id,
    value: getPath(locked ? state.effective : state.draft, path),
    locked,
    issue,
    error: issue && describeIssue(issue),
    hintId: `${id}-hint`,
    errorId: `${id}-error`,
    lockId: `${id}-lock`,
  };
}

export function describeIssue(issue: SettingsIssue): string {
  const text = issueText(issue);
  return t(text.key, ...text.substitutions);
}

/** What every control of a field carries: its id, locked state, and the links to its notes. */
export function controlProps(field: FieldModel, hasHint: boolean, disabled = false) {
  return {
    id: field.id,
    disabled: field.locked || disabled,
    'aria-invalid': field.error ? (true as const) : undefined,
    'aria-describedby': describedBy(field, hasHint),
  };
}

/** The ids a control's `aria-describedby` lists: its problem first, then the lock, then the hint. */
export function describedBy(field: FieldModel, hasHint: boolean): string | undefined {
  const ids = [field.error ? field.errorId : '', field.locked ? field.lockId : '', hasHint ? field.hintId : ''].filter(
    Boolean,
  );
  return ids.length > 0 ? ids.join(' ') : undefined;
}

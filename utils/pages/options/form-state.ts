import type { Settings } from '../../core/settings/schema';
import type { EditableSettings } from '../../extension/settings-storage';
import { validateSettings, type SettingsIssue } from '../../core/settings/validate';
import { jsonEqual, toJson, type Json } from './json';
import { isWithinPath, setPath } from './paths';
import { rebase } from './rebase';

/**
 * The options form, as pure data: what is saved, what the user is editing (the draft), what the
 * policy forces, and what is wrong with the draft. Every change goes through `formReducer`.
 */
export interface FormState {
  /** The user's own settings as saved (policy values are not in it). */
  readonly saved: Json;
  /** The same with the user's unsaved edits; may be invalid. */
  readonly draft: Json;
  /** What Roster runs with now: saved settings under the policy. */
  readonly effective: Settings;
  /** Fields the policy forces (dotted leaf paths). */
  readonly locked: readonly string[];
  /** Policy values Roster had to drop, with why. */
  readonly policyIssues: readonly SettingsIssue[];
  /** What is wrong with the draft; empty when it may be saved. */
  readonly issues: readonly SettingsIssue[];
  /** Fields the user has left (blurred): their problems are shown, and then follow every keystroke. */
  readonly touched: readonly string[];
  /** A save was refused: every problem is shown, touched or not. */
  readonly showAll: boolean;
}

export type FormAction =
  /** The saved settings or the policy changed (and at the start). */
  | { readonly type: 'loaded'; readonly editable: EditableSettings }
  | { readonly type: 'edit'; readonly path: string; readonly value: Json | undefined }
  | { readonly type: 'touch'; readonly path: string }
  /** A whole new draft: an imported file, or the defaults. */
  | { readonly type: 'replace'; readonly draft: Json }
  | { readonly type: 'discard' }
  /** The draft was saved as `settings` (trimmed, defaults filled in): the form shows exactly that. */
  | { readonly type: 'saved'; readonly settings: Json }
  /** Save was pressed with problems in the draft. */
  | { readonly type: 'refused' };

function issuesOf(draft: Json): readonly SettingsIssue[] {
  const result = validateSettings(draft);
  return result.ok ? [] : result.error.issues;
}

export function initialForm(editable: EditableSettings): FormState {
  const saved = toJson(editable.own);
  return {
    saved,
    draft: saved,
    effective: editable.settings,
    locked: editable.locked,
    policyIssues: editable.policyIssues,
    issues: [],
    touched: [],
    showAll: false,
  };
}

export function formReducer(state: FormState, action: FormAction): FormState {
  switch (action.type) {
    case 'loaded': {
      const saved = toJson(action.editable.own);
      const draft = jsonEqual(state.draft, state.saved) ? saved : rebase(state.saved, saved, state.draft);
      return {
        ...state,
        saved,
        draft,
        effective: action.editable.settings,
        locked: action.editable.locked,
        policyIssues: action.editable.policyIssues,
        issues: issuesOf(draft),
      };
    }
    case 'edit': {
      const draft = setPath(state.draft, action.path, action.value);
      // Not touched yet: a half-typed address is not an error until the user leaves the field.
      return { ...state, draft, issues: issuesOf(draft) };
    }
    case 'touch':
      return { ...state, touched: touch(state.touched, action.path) };
    case 'replace':
      return { ...state, draft: action.draft, issues: issuesOf(action.draft), touched: [], showAll: true };
    case 'discard':
      return { ...state, draft: state.saved, issues: [], touched: [], showAll: false };
    case 'saved':
      return { ...state, saved: action.settings, draft: action.settings, issues: [], touched: [], showAll: false };
    case 'refused':
      return { ...state, showAll: true };
  }
}

function touch(touched: readonly string[], path: string): readonly string[] {
  return touched.includes(path) ? touched : [...touched, path];
}

/** The draft differs from what is saved (as it would be saved: trimmed values compare equal). */
export function isDirty(state: FormState): boolean {
  if (jsonEqual(state.draft, state.saved)) return false;
  const result = validateSettings(state.draft);
  return !(result.ok && jsonEqual(toJson(result.settings), state.saved));
}

/** Problems to show now: a field's once it was touched, all of them after a refused save. */
export function visibleIssues(state: FormState): readonly SettingsIssue[] {
  if (state.showAll) return state.issues;
  return state.issues.filter((issue) => state.touched.some((path) => isWithinPath(issue.field, path)));
}

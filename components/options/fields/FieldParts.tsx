import type { ComponentChildren } from 'preact';
import { t } from '../../../utils/extension/i18n';
import type { FieldModel } from './use-field';

/** A padlock: the field is set by the organisation's policy. */
export function LockIcon() {
  return (
    <svg class="lock-icon" viewBox="0 0 16 16" width="12" height="12" aria-hidden="true" focusable="false">
      <path
        d="M4 7V5a4 4 0 1 1 8 0v2h.5A1.5 1.5 0 0 1 14 8.5v5a1.5 1.5 0 0 1-1.5 1.5h-9A1.5 1.5 0 0 1 2 13.5v-5A1.5 1.5 0 0 1 3.5 7H4Zm1.5 0h5V5a2.5 2.5 0 0 0-5 0v2Z"
        fill="currentColor"
      />
    </svg>
  );
}

/** "Set by your organisation", with its lock; the control's `aria-describedby` points at it. */
export function LockNote({ field }: { readonly field: FieldModel }) {
  if (!field.locked) return null;
  return (
    <span id={field.lockId} class="lock-note">
      <LockIcon />
      {t('optionsLocked')}
    </span>
  );
}

/** The field's label, with the lock when a policy sets it. */
export function FieldLabel({ field, label }: { readonly field: FieldModel; readonly label: string }) {
  return (
    <label class="field__label" for={field.id}>
      {label}
      <LockNote field={field} />
    </label>
  );
}

/** Below a control: its problem (when shown), then its hint. */
export function FieldNotes({ field, hint }: { readonly field: FieldModel; readonly hint?: ComponentChildren }) {
  return (
    <>
      {field.error && (
        <p id={field.errorId} class="field__error">
          <span class="field__error-mark" aria-hidden="true">
            !
          </span>
          {field.error}
        </p>
      )}
      {hint !== undefined && (
        <p id={field.hintId} class="field__hint">
          {hint}
        </p>
      )}
    </>
  );
}

export function fieldClass(field: FieldModel, extra = ''): string {
  return ['field', field.error ? 'field--invalid' : '', field.locked ? 'field--locked' : '', extra]
    .filter(Boolean)
    .join(' ');
}

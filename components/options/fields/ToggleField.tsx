import type { ComponentChildren } from 'preact';
import { useForm } from '../form-context';
import { FieldNotes, fieldClass, LockNote } from './FieldParts';
import { describedBy, useField } from './use-field';

interface Props {
  readonly path: string;
  readonly label: string;
  readonly hint?: ComponentChildren;
  readonly disabled?: boolean;
}

/** A checkbox drawn as the popup's switch. */
export function ToggleField({ path, label, hint, disabled = false }: Props) {
  const { edit, touch } = useForm();
  const field = useField(path);
  return (
    <div class={fieldClass(field, 'field--toggle')}>
      <div class="toggle">
        <input
          id={field.id}
          type="checkbox"
          class="switch__input"
          checked={field.value === true}
          disabled={field.locked || disabled}
          aria-describedby={describedBy(field, hint !== undefined)}
          onChange={(event) => {
            edit(path, event.currentTarget.checked);
            touch(path);
          }}
        />
        <label class="toggle__label" for={field.id}>
          {label}
        </label>
        <LockNote field={field} />
      </div>
      <FieldNotes field={field} hint={hint} />
    </div>
  );
}

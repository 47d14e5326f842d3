import type { ComponentChildren } from 'preact';
import { useForm } from '../form-context';
import { FieldLabel, FieldNotes, fieldClass } from './FieldParts';
import { controlProps, useField } from './use-field';

interface Props {
  readonly path: string;
  readonly label: string;
  readonly hint?: ComponentChildren;
  readonly placeholder?: string;
  readonly type?: 'text' | 'url';
  /** Empty means "not set": the key is left out of the settings (optional profile fields). */
  readonly optional?: boolean;
  /** Selectors, patterns, addresses: code-like text. */
  readonly code?: boolean;
  /** Shown under the control between the problem and the hint (e.g. a warning about `ws:`). */
  readonly children?: ComponentChildren;
  readonly disabled?: boolean;
}

export function TextField({
  path,
  label,
  hint,
  placeholder,
  type = 'text',
  optional = false,
  code = false,
  children,
  disabled = false,
}: Props) {
  const { edit, touch } = useForm();
  const field = useField(path);
  const value =
    typeof field.value === 'string' ? field.value : field.value === undefined ? '' : JSON.stringify(field.value);
  return (
    <div class={fieldClass(field)}>
      <FieldLabel field={field} label={label} />
      <input
        {...controlProps(field, hint !== undefined, disabled)}
        class={`input${code ? ' input--code' : ''}`}
        type="text"
        inputMode={type === 'url' ? 'url' : undefined}
        value={value}
        placeholder={placeholder}
        spellcheck={false}
        autocomplete="off"
        onInput={(event) => {
          const text = event.currentTarget.value;
          edit(path, optional && text.trim() === '' ? undefined : text);
        }}
        onBlur={() => touch(path)}
      />
      {children}
      <FieldNotes field={field} hint={hint} />
    </div>
  );
}

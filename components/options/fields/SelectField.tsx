import type { ComponentChildren } from 'preact';
import { FieldLabel, FieldNotes, fieldClass } from './FieldParts';
import { controlProps, useField } from './use-field';

interface Props {
  readonly path: string;
  readonly label: string;
  readonly options: readonly { readonly value: string; readonly label: string }[];
  /** The option shown as chosen (the field's value may be an object the caller interprets). */
  readonly selected: string;
  readonly onSelect: (value: string) => void;
  readonly hint?: ComponentChildren;
  readonly disabled?: boolean;
  /** An id other than the path's own (a select that drives a part of an object field). */
  readonly idSuffix?: string;
}

/** A drop-down whose meaning the caller decides (e.g. what an extractor reads from). */
export function SelectField({ path, label, options, selected, onSelect, hint, disabled = false, idSuffix }: Props) {
  const base = useField(path);
  const field = idSuffix ? { ...base, id: `${base.id}-${idSuffix}`, error: undefined } : base;
  return (
    <div class={fieldClass(field, 'field--select')}>
      <FieldLabel field={field} label={label} />
      <select
        {...controlProps(field, hint !== undefined, disabled)}
        class="input input--select"
        value={selected}
        onChange={(event) => onSelect(event.currentTarget.value)}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <FieldNotes field={field} hint={hint} />
    </div>
  );
}

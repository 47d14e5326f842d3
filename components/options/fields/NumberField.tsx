import type { ComponentChildren } from 'preact';
import { t } from '../../../utils/extension/i18n';
import { numberRange } from '../../../utils/pages/options/schema-info';
import { useForm } from '../form-context';
import { FieldLabel, FieldNotes, fieldClass } from './FieldParts';
import { controlProps, useField } from './use-field';
import { useTextBuffer } from './use-text-buffer';

interface Props {
  readonly path: string;
  readonly label: string;
  readonly hint?: ComponentChildren;
  /** The unit after the box, e.g. "seconds". */
  readonly unit?: string;
  /** For numbers inside lists (a profile's column), where the schema cannot be looked up by path. */
  readonly range?: { readonly min: number; readonly max: number };
  readonly disabled?: boolean;
}

/** Text that is a number becomes one; anything else stays text, and validation names the problem. */
export function parseNumber(text: string): string | number {
  const trimmed = text.trim();
  if (trimmed === '') return '';
  const number = Number(trimmed);
  return Number.isFinite(number) ? number : trimmed;
}

const format = (value: unknown) => (typeof value === 'number' || typeof value === 'string' ? String(value) : '');

export function NumberField({ path, label, hint, unit, range, disabled = false }: Props) {
  const { edit, touch } = useForm();
  const field = useField(path);
  const [text, setText] = useTextBuffer(field.value, format, parseNumber);
  const limits = range ?? numberRange(path);
  return (
    <div class={fieldClass(field, 'field--number')}>
      <FieldLabel field={field} label={label} />
      <span class="number">
        <input
          {...controlProps(field, hint !== undefined, disabled)}
          class="input input--number"
          type="text"
          inputMode="numeric"
          value={text}
          autocomplete="off"
          onInput={(event) => {
            setText(event.currentTarget.value);
            edit(path, parseNumber(event.currentTarget.value));
          }}
          onBlur={() => touch(path)}
        />
        {unit && <span class="number__unit">{unit}</span>}
        {limits && <span class="number__range">{t('optionsRange', limits.min, limits.max)}</span>}
      </span>
      <FieldNotes field={field} hint={hint} />
    </div>
  );
}

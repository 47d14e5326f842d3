import type { ComponentChildren } from 'preact';
import { t } from '../../../utils/extension/i18n';
import { itemIndex } from '../../../utils/pages/options/issues';
import type { Json } from '../../../utils/pages/options/json';
import { useForm } from '../form-context';
import { FieldLabel, FieldNotes, fieldClass } from './FieldParts';
import { controlProps, useField, type FieldModel } from './use-field';
import { parseNumber } from './NumberField';
import { useTextBuffer } from './use-text-buffer';

interface Props {
  readonly path: string;
  readonly label: string;
  readonly hint?: ComponentChildren;
  readonly placeholder?: string;
  /** Items are numbers (close codes), separated by commas or spaces, not lines. */
  readonly numbers?: boolean;
  readonly rows?: number;
}

const lines = (text: string): Json[] =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
const numbers = (text: string): Json[] =>
  text
    .split(/[\s,;]+/)
    .filter(Boolean)
    .map(parseNumber);

/** A list as text: one item a line (or numbers separated by commas). A problem names its line. */
export function ListField({ path, label, hint, placeholder, numbers: numeric = false, rows = 3 }: Props) {
  const { edit, touch } = useForm();
  const field = useField(path);
  const parse = numeric ? numbers : lines;
  const list = Array.isArray(field.value) ? (field.value as readonly Json[]) : [];
  const format = (value: readonly Json[]) =>
    value.map((item) => (typeof item === 'string' ? item : JSON.stringify(item))).join(numeric ? ', ' : '\n');
  const [text, setText] = useTextBuffer(list, format, parse);
  const located = withItem(field, path, numeric);
  return (
    <div class={fieldClass(field)}>
      <FieldLabel field={field} label={label} />
      <textarea
        {...controlProps(field, hint !== undefined)}
        class="input input--code"
        rows={rows}
        value={text}
        placeholder={placeholder}
        spellcheck={false}
        onInput={(event) => {
          setText(event.currentTarget.value);
          edit(path, parse(event.currentTarget.value));
        }}
        onBlur={() => touch(path)}
      />
      <FieldNotes field={located} hint={hint} />
    </div>
  );
}

/** "Line 3: …" (or "Item 3: …"): which entry of the list the problem is in. */
function withItem(field: FieldModel, path: string, numeric: boolean): FieldModel {
  const index = field.issue && itemIndex(field.issue, path);
  if (index === undefined || !field.error) return field;
  return { ...field, error: t(numeric ? 'optionsListItem' : 'optionsListLine', index + 1, field.error) };
}

import type { ComponentChildren } from 'preact';
import { useForm } from '../form-context';
import { FieldNotes, fieldClass, LockNote } from './FieldParts';
import { describedBy, useField } from './use-field';

export interface Choice {
  readonly value: string;
  readonly label: string;
  readonly hint?: string;
}

interface Props {
  readonly path: string;
  readonly legend: string;
  readonly choices: readonly Choice[];
  readonly hint?: ComponentChildren;
}

/** Radio buttons in a fieldset: a few exclusive choices, each with a line saying what it does. */
export function ChoiceField({ path, legend, choices, hint }: Props) {
  const { edit, touch } = useForm();
  const field = useField(path);
  return (
    <fieldset class={fieldClass(field, 'field--choice')} aria-describedby={describedBy(field, hint !== undefined)}>
      <legend class="field__label">
        {legend}
        <LockNote field={field} />
      </legend>
      {choices.map((choice, index) => {
        const id = index === 0 ? field.id : `${field.id}-${choice.value}`;
        return (
          <div class="choice" key={choice.value}>
            <input
              id={id}
              type="radio"
              name={field.id}
              value={choice.value}
              checked={field.value === choice.value}
              disabled={field.locked}
              aria-describedby={choice.hint ? `${id}-hint` : undefined}
              onChange={() => {
                edit(path, choice.value);
                touch(path);
              }}
            />
            <label for={id}>
              {choice.label}
              {choice.hint && (
                <span id={`${id}-hint`} class="choice__hint">
                  {choice.hint}
                </span>
              )}
            </label>
          </div>
        );
      })}
      <FieldNotes field={field} hint={hint} />
    </fieldset>
  );
}

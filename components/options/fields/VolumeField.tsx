import { t } from '../../../utils/extension/i18n';
import { useForm } from '../form-context';
import { FieldLabel, FieldNotes, fieldClass } from './FieldParts';
import { controlProps, useField } from './use-field';

/** The ring's volume as a slider in percent, with a button that plays it at that volume. */
export function VolumeField({
  path,
  label,
  disabled = false,
}: {
  readonly path: string;
  readonly label: string;
  readonly disabled?: boolean;
}) {
  const { edit, touch, ports } = useForm();
  const field = useField(path);
  const volume = typeof field.value === 'number' ? field.value : 0;
  const percent = Math.round(volume * 100);
  return (
    <div class={fieldClass(field, 'field--volume')}>
      <FieldLabel field={field} label={label} />
      <div class="volume">
        <input
          {...controlProps(field, false, disabled)}
          type="range"
          min={0}
          max={100}
          step={5}
          value={percent}
          aria-valuetext={t('optionsPercent', percent)}
          onInput={(event) => edit(path, Number(event.currentTarget.value) / 100)}
          onChange={() => touch(path)}
        />
        <output for={field.id} class="volume__value">
          {t('optionsPercent', percent)}
        </output>
        <button type="button" class="button button--secondary button--small" onClick={() => ports.playRing(volume)}>
          {t('optionsPlayRing')}
        </button>
      </div>
      <FieldNotes field={field} />
    </div>
  );
}

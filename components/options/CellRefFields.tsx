import { t } from '../../utils/extension/i18n';
import { cellMode, withCellMode, type CellMode } from '../../utils/pages/options/profile-draft';
import { NumberField } from './fields/NumberField';
import { SelectField } from './fields/SelectField';
import { TextField } from './fields/TextField';
import { useForm } from './form-context';
import { useField } from './fields/use-field';

/** Columns a profile may name: the schema's bounds for `column`. */
const COLUMN_RANGE = { min: 1, max: 500 };

interface Props {
  /** The extractor or mark placement holding `header` / `column`. */
  readonly path: string;
  /** Whether "the row itself" is a choice (a cell extractor must name its column). */
  readonly allowRow: boolean;
  readonly locked: boolean;
  /** What "the row itself" means here (for a mark: beside the name, unless an element is named). */
  readonly rowLabel?: string;
}

/** Where in the row: the whole row, the column under a header, or a column by number. */
export function CellRefFields({ path, allowRow, locked, rowLabel }: Props) {
  const { edit } = useForm();
  const { value } = useField(path);
  const mode = cellMode(value);
  const options: { value: CellMode; label: string }[] = [
    ...(allowRow ? [{ value: 'row' as const, label: rowLabel ?? t('optionsCellRow') }] : []),
    { value: 'header', label: t('optionsCellHeader') },
    { value: 'column', label: t('optionsCellColumn') },
  ];
  return (
    <div class="row row--tight">
      <SelectField
        path={path}
        idSuffix="where"
        label={t('optionsCellWhere')}
        options={options}
        selected={mode}
        disabled={locked}
        onSelect={(next) => edit(path, withCellMode(value, next as CellMode))}
      />
      {mode === 'header' && (
        <TextField
          path={`${path}.header`}
          label={t('optionsCellHeaderText')}
          placeholder={t('optionsCellHeaderPlaceholder')}
          disabled={locked}
        />
      )}
      {mode === 'column' && (
        <NumberField
          path={`${path}.column`}
          range={COLUMN_RANGE}
          label={t('optionsCellColumnNumber')}
          disabled={locked}
        />
      )}
    </div>
  );
}

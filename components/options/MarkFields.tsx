import { t } from '../../utils/extension/i18n';
import { getPath } from '../../utils/pages/options/paths';
import { CellRefFields } from './CellRefFields';
import { SelectField } from './fields/SelectField';
import { TextField } from './fields/TextField';
import { useForm } from './form-context';

/** Where the presence dot goes in a row; by default before the name (or the id). */
export function MarkFields({ path, locked }: { readonly path: string; readonly locked: boolean }) {
  const { candidate, edit } = useForm();
  const position = getPath(candidate, `${path}.position`) === 'after' ? 'after' : 'before';
  return (
    <fieldset class="extractor">
      <legend>{t('optionsMark')}</legend>
      <p class="field__hint">{t('optionsMarkHint')}</p>
      <CellRefFields path={path} allowRow locked={locked} rowLabel={t('optionsMarkDefault')} />
      <div class="row row--tight">
        <TextField
          path={`${path}.selector`}
          code
          optional
          label={t('optionsInside')}
          placeholder=".name"
          disabled={locked}
        />
        <SelectField
          path={`${path}.position`}
          label={t('optionsMarkPosition')}
          options={[
            { value: 'before', label: t('optionsMarkBefore') },
            { value: 'after', label: t('optionsMarkAfter') },
          ]}
          selected={position}
          disabled={locked}
          onSelect={(next) => edit(`${path}.position`, next)}
        />
      </div>
    </fieldset>
  );
}

import { t } from '../../utils/extension/i18n';
import { extractorKind, switchExtractorKind, type ExtractorKind } from '../../utils/pages/options/profile-draft';
import { CellRefFields } from './CellRefFields';
import { SelectField } from './fields/SelectField';
import { TextField } from './fields/TextField';
import { useForm } from './form-context';
import { useField } from './fields/use-field';

interface Props {
  /** `sites.profiles.<n>.id` or `.name`. */
  readonly path: string;
  readonly legend: string;
  readonly locked: boolean;
}

/** How a row's user id (or name) is read: from a cell's text, an attribute, a link, or the row's text. */
export function ExtractorFields({ path, legend, locked }: Props) {
  const { edit } = useForm();
  const { value } = useField(path);
  const kind = extractorKind(value);
  const kinds: { value: ExtractorKind | ''; label: string }[] = [
    { value: '', label: t('optionsReadNone') },
    { value: 'cell', label: t('optionsReadCell') },
    { value: 'attribute', label: t('optionsReadAttribute') },
    { value: 'link', label: t('optionsReadLink') },
    { value: 'text', label: t('optionsReadText') },
  ];
  return (
    <fieldset class="extractor">
      <legend>{legend}</legend>
      <SelectField
        path={path}
        idSuffix="from"
        label={t('optionsReadFrom')}
        options={kinds}
        selected={kind ?? ''}
        disabled={locked}
        onSelect={(next) => edit(path, next === '' ? undefined : switchExtractorKind(value, next as ExtractorKind))}
      />
      {kind && kind !== 'text' && <CellRefFields path={path} allowRow={kind !== 'cell'} locked={locked} />}
      {kind === 'attribute' && (
        <TextField
          path={`${path}.attribute`}
          code
          label={t('optionsAttribute')}
          placeholder="data-user-id"
          disabled={locked}
        />
      )}
      {kind && (
        <div class="row row--tight">
          <TextField
            path={`${path}.selector`}
            code
            optional
            label={t('optionsInside')}
            placeholder={kind === 'link' ? 'a[href]' : '.user-name'}
            hint={t('optionsInsideHint')}
            disabled={locked}
          />
          <TextField
            path={`${path}.pattern`}
            code
            optional={kind !== 'link'}
            label={kind === 'link' ? t('optionsPatternRequired') : t('optionsPattern')}
            placeholder={kind === 'link' ? '(\\d+)\\D*$' : 'ID: (\\w+)'}
            hint={t('optionsPatternHint')}
            disabled={locked}
          />
        </div>
      )}
    </fieldset>
  );
}

import { t } from '../../utils/extension/i18n';
import type { Json } from '../../utils/pages/options/json';
import { getPath, listAt, moveItem, setPath } from '../../utils/pages/options/paths';
import { ExtractorFields } from './ExtractorFields';
import { TextField } from './fields/TextField';
import { useForm } from './form-context';
import { LiveTester } from './LiveTester';
import { MarkFields } from './MarkFields';

interface Props {
  readonly index: number;
  readonly count: number;
  readonly locked: boolean;
}

/** One custom site profile: which pages, which rows, how to read a user, where the dot goes. */
export function ProfileEditor({ index, count, locked }: Props) {
  const { state, candidate, replaceList } = useProfiles();
  const path = `sites.profiles.${index}`;
  const label = getPath(candidate, `${path}.label`);
  const titleId = `profile-${index}-title`;
  const title =
    typeof label === 'string' && label.trim()
      ? t('optionsProfileNamed', index + 1, label.trim())
      : t('optionsProfileNumber', index + 1);
  const list = 'sites.profiles';
  return (
    <section class="profile" aria-labelledby={titleId}>
      <div class="profile__head">
        <h3 id={titleId}>{title}</h3>
        {!locked && (
          <div class="profile__tools">
            <button
              type="button"
              class="button button--quiet button--small"
              disabled={index === 0}
              onClick={() => replaceList(moveItem(state.draft, list, index, index - 1))}
            >
              {t('optionsMoveUp')}
              <span class="sr-only">{` ${title}`}</span>
            </button>
            <button
              type="button"
              class="button button--quiet button--small"
              disabled={index === count - 1}
              onClick={() => replaceList(moveItem(state.draft, list, index, index + 1))}
            >
              {t('optionsMoveDown')}
              <span class="sr-only">{` ${title}`}</span>
            </button>
            <button
              type="button"
              class="button button--danger button--small"
              onClick={() => replaceList(setPath(state.draft, path, undefined))}
            >
              {t('optionsRemove')}
              <span class="sr-only">{` ${title}`}</span>
            </button>
          </div>
        )}
      </div>
      <div class="row">
        <TextField path={`${path}.label`} label={t('optionsProfileLabel')} disabled={locked} />
        <TextField
          path={`${path}.url`}
          code
          optional
          label={t('optionsProfileUrl')}
          placeholder="https://admin.example.com/users/*"
          hint={t('optionsProfileUrlHint')}
          disabled={locked}
        />
      </div>
      <TextField
        path={`${path}.rows`}
        code
        label={t('optionsProfileRows')}
        placeholder="table.users tbody tr"
        hint={t('optionsProfileRowsHint')}
        disabled={locked}
      />
      <div class="row row--top">
        <ExtractorFields path={`${path}.id`} legend={t('optionsProfileId')} locked={locked} />
        <ExtractorFields path={`${path}.name`} legend={t('optionsProfileName')} locked={locked} />
      </div>
      <MarkFields path={`${path}.mark`} locked={locked} />
      <LiveTester index={index} />
    </section>
  );
}

/** Reordering and removing replace the whole list in one edit (one undo-able step for Discard). */
function useProfiles() {
  const form = useForm();
  return {
    state: form.state,
    candidate: form.candidate,
    replaceList: (draft: Json) => form.edit('sites.profiles', listAt(draft, 'sites.profiles')),
  };
}

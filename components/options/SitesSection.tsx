import { t } from '../../utils/extension/i18n';
import { isLocked } from '../../utils/pages/options/locks';
import { getPath, listAt } from '../../utils/pages/options/paths';
import { newProfile } from '../../utils/pages/options/profile-draft';
import { originPattern } from '../../utils/core/sites/match-pattern';
import { ListField } from './fields/ListField';
import { TextField } from './fields/TextField';
import { ToggleField } from './fields/ToggleField';
import { LockNote } from './fields/FieldParts';
import { useField } from './fields/use-field';
import { useForm } from './form-context';
import { ProfileEditor } from './ProfileEditor';
import { Section } from './Section';

/** Where Roster draws its dots, and how it finds users on pages the built-ins do not know. */
export function SitesSection() {
  const form = useForm();
  const { candidate, state } = form;
  const profiles = listAt(candidate, 'sites.profiles');
  const listLocked = isLocked(state.locked, 'sites.profiles');
  const listField = useField('sites.profiles');
  const cookieUrl = getPath(candidate, 'auth.cookieUrl');
  const origin = typeof cookieUrl === 'string' ? originPattern(cookieUrl) : undefined;
  return (
    <Section id="sites" title={t('optionsSitesTitle')} intro={t('optionsSitesIntro')} paths={['sites']}>
      <ListField
        path="sites.matches"
        label={t('optionsSitesMatches')}
        placeholder="https://admin.example.com/*"
        hint={origin ? t('optionsSitesMatchesHint', origin) : t('optionsSitesMatchesHintNoSite')}
      />
      <fieldset class="builtins">
        <legend class="field__label">{t('optionsBuiltIns')}</legend>
        <ToggleField
          path="sites.builtIns.elementTable"
          label={t('optionsBuiltInElement')}
          hint={t('optionsBuiltInElementHint')}
        />
        <ToggleField
          path="sites.builtIns.plainTable"
          label={t('optionsBuiltInPlain')}
          hint={t('optionsBuiltInPlainHint')}
        />
        <ToggleField
          path="sites.builtIns.dataAttributes"
          label={t('optionsBuiltInData')}
          hint={t('optionsBuiltInDataHint')}
        />
      </fieldset>
      <div class="profiles">
        <div class="profiles__head">
          <h3 id="profiles-title">{t('optionsProfilesTitle')}</h3>
          <LockNote field={listField} />
        </div>
        <p class="field__hint">{t('optionsProfilesIntro')}</p>
        {profiles.length === 0 && <p class="empty-note">{t('optionsProfilesEmpty')}</p>}
        {profiles.map((_, index) => (
          <ProfileEditor key={index} index={index} count={profiles.length} locked={listLocked} />
        ))}
        {!listLocked && (
          <button
            type="button"
            class="button button--secondary"
            onClick={() => form.edit(`sites.profiles.${profiles.length}`, newProfile())}
          >
            {t('optionsAddProfile')}
          </button>
        )}
      </div>
      <TextField
        path="sites.shadowHosts"
        code
        label={t('optionsShadowHosts')}
        hint={t('optionsShadowHostsHint')}
        placeholder="user-table"
      />
      <TextField path="sites.callEventName" code label={t('optionsCallEvent')} hint={t('optionsCallEventHint')} />
    </Section>
  );
}

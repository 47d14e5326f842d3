import { t } from '../../utils/i18n';
import { getPath } from '../../utils/options/paths';
import { ChoiceField } from './fields/ChoiceField';
import { TextField } from './fields/TextField';
import { useForm } from './form-context';
import { Section } from './Section';

/** Where the sign-in token comes from, and who I am. */
export function SignInSection() {
  const { candidate } = useForm();
  const manual = getPath(candidate, 'identity.mode') === 'manual';
  return (
    <Section id="sign-in" title={t('optionsSignInTitle')} intro={t('optionsSignInIntro')} paths={['auth', 'identity']}>
      <div class="row">
        <TextField path="auth.cookieUrl" type="url" code label={t('optionsCookieUrl')} placeholder="https://admin.example.com/" hint={t('optionsCookieUrlHint')} />
        <TextField path="auth.cookieName" code label={t('optionsCookieName')} hint={t('optionsCookieNameHint')} />
      </div>
      <ChoiceField
        path="identity.mode"
        legend={t('optionsIdentityMode')}
        choices={[
          { value: 'auto', label: t('optionsIdentityAuto'), hint: t('optionsIdentityAutoHint') },
          { value: 'manual', label: t('optionsIdentityManual'), hint: t('optionsIdentityManualHint') },
        ]}
      />
      <div class="row">
        <TextField path="identity.userId" label={t('optionsUserId')} hint={manual ? t('optionsUserIdHintManual') : t('optionsUserIdHintAuto')} />
        <TextField path="identity.userName" label={t('optionsUserName')} />
      </div>
    </Section>
  );
}

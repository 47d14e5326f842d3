import * as v from 'valibot';
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../../utils/extension/i18n';
import { getPath } from '../../utils/pages/options/paths';
import { missingOrigins } from '../../utils/pages/options/permissions';
import { probeFailedText, type ProbeText } from '../../utils/pages/options/probe-text';
import { hostList } from '../../utils/pages/options/hosts';
import {
  IdentityProbeRequestSchema,
  type IdentityProbeResult,
} from '../../utils/core/messages/options-background-probes';
import { requiredOrigins } from '../../utils/core/settings/origins';
import type { RosterState } from '../../utils/core/messages/roster-state';
import { ChoiceField } from './fields/ChoiceField';
import { SelectField } from './fields/SelectField';
import { TextField } from './fields/TextField';
import { ToggleField } from './fields/ToggleField';
import { useForm } from './form-context';
import { IdentityReport } from './IdentityReport';
import { ProbeResult } from './ProbeResult';
import { Section } from './Section';

type Tested = { readonly key: string } & (
  { readonly result: Extract<IdentityProbeResult, { outcome: 'identity' }> } | { readonly text: ProbeText }
);

/** Where the sign-in token comes from, who I am, and how Roster finds that out on this host. */
export function SignInSection({ roster }: { readonly roster: RosterState | undefined }) {
  const form = useForm();
  const { candidate } = form;
  const auto = getPath(candidate, 'identity.mode') !== 'manual';
  const storage = getPath(candidate, 'identity.pageStorage');
  const fields = { auth: getPath(candidate, 'auth'), identity: getPath(candidate, 'identity') };
  const key = JSON.stringify(fields);
  const [tested, setTested] = useState<Tested | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const running = useRef<AbortController | undefined>(undefined);
  useEffect(() => () => running.current?.abort(), []);

  // From the click: the access prompt, if needed, must open inside it.
  const test = () => {
    running.current?.abort();
    const request = v.safeParse(IdentityProbeRequestSchema, { probe: 'identity', ...fields });
    if (!request.success) {
      form.touch('auth');
      form.touch('identity');
      setTested({ key, text: { key: 'optionsProbeFixFirst', substitutions: [], tone: 'problem' } });
      return;
    }
    const missing = missingOrigins(
      requiredOrigins({ serverUrl: '', directory: { url: '' }, ...request.output }),
      form.granted,
    );
    const asked = missing.length > 0 ? form.requestAccess(missing) : Promise.resolve(true);
    const controller = new AbortController();
    running.current = controller;
    setBusy(true);
    void asked
      .then(() => form.ports.probes.identity(request.output, controller.signal))
      .then(
        (result): Tested =>
          result.outcome === 'identity'
            ? { key, result }
            : result.outcome === 'no-permission'
              ? {
                  key,
                  text: { key: 'optionsProbeNoAccess', substitutions: [hostList(result.origins)], tone: 'problem' },
                }
              : { key, text: { key: 'optionsProbeNoSite', substitutions: [], tone: 'problem' } },
        (error: unknown): Tested => ({
          key,
          text: probeFailedText(error instanceof Error ? error.message : String(error)),
        }),
      )
      .then((outcome) => {
        if (controller.signal.aborted) return;
        setTested(outcome);
        setBusy(false);
      });
  };

  const shown = tested?.key === key ? tested : undefined;
  const signedIn =
    roster !== undefined && !(roster.connection.phase === 'disconnected' && roster.connection.reason === 'no-token');
  const mismatch = roster?.identity.mismatch;
  return (
    <Section id="sign-in" title={t('optionsSignInTitle')} intro={t('optionsSignInIntro')} paths={['auth', 'identity']}>
      <div class="row">
        <TextField
          path="auth.cookieUrl"
          type="url"
          code
          label={t('optionsCookieUrl')}
          placeholder="https://admin.example.com/"
          hint={t('optionsCookieUrlHint')}
        />
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
      {roster && (
        <IdentityReport
          heading={t('optionsIdentityNow')}
          me={roster.me}
          signedIn={signedIn}
          sources={roster.identity.sources}
          ambiguity={roster.identity.ambiguity}
          names={roster.names}
        />
      )}
      {mismatch && (
        <p class="identity__mismatch" role="note">
          {t('identityMismatch', mismatch.receiverId, new Date(mismatch.at).toLocaleTimeString())}
        </p>
      )}
      {auto && (
        <>
          <TextField
            path="identity.url"
            code
            label={t('optionsIdentityUrl')}
            placeholder="/api/user/info"
            hint={t('optionsIdentityUrlHint')}
          />
          <div class="row">
            <TextField
              path="identity.pageKey"
              code
              label={t('optionsIdentityPageKey')}
              placeholder="vuex"
              hint={t('optionsIdentityPageKeyHint')}
            />
            <SelectField
              path="identity.pageStorage"
              label={t('optionsIdentityPageStorage')}
              options={[
                { value: 'localStorage', label: 'localStorage' },
                { value: 'sessionStorage', label: 'sessionStorage' },
              ]}
              selected={typeof storage === 'string' ? storage : 'localStorage'}
              onSelect={(value) => form.edit('identity.pageStorage', value)}
            />
          </div>
          <div class="row">
            <TextField
              path="identity.pageSelector"
              code
              label={t('optionsIdentityPageSelector')}
              placeholder=".navbar .user-name"
              hint={t('optionsIdentityPageSelectorHint')}
            />
            <TextField
              path="identity.pageAttribute"
              code
              label={t('optionsIdentityPageAttribute')}
              placeholder="data-user-id"
              hint={t('optionsIdentityPageAttributeHint')}
            />
          </div>
          <ToggleField path="identity.learn" label={t('optionsIdentityLearn')} hint={t('optionsIdentityLearnHint')} />
        </>
      )}
      <div class="row">
        <TextField
          path="identity.userId"
          label={t('optionsUserId')}
          hint={auto ? t('optionsUserIdHintAuto') : t('optionsUserIdHintManual')}
        />
        <TextField path="identity.userName" label={t('optionsUserName')} />
      </div>
      <div class="actions">
        <button type="button" class="button button--secondary" onClick={test}>
          {t('optionsIdentityTest')}
        </button>
      </div>
      {shown && 'result' in shown ? (
        <div role="status" aria-live="polite">
          <IdentityReport
            heading={t('optionsIdentityTested')}
            me={shown.result.me}
            signedIn={shown.result.signedIn}
            sources={shown.result.sources}
            ambiguity={roster?.identity.ambiguity}
            names={roster?.names ?? {}}
          />
        </div>
      ) : (
        <ProbeResult result={shown?.text} busy={busy} busyText={t('optionsTesting')} />
      )}
    </Section>
  );
}

import * as v from 'valibot';
import { t } from '../../utils/extension/i18n';
import { getPath } from '../../utils/pages/options/paths';
import { missingOrigins } from '../../utils/pages/options/permissions';
import { connectionProbeText } from '../../utils/pages/options/probe-text';
import { serverUrlWarnings } from '../../utils/pages/options/server-url';
import { ConnectionProbeRequestSchema } from '../../utils/core/messages/options-background-probes';
import { requiredOrigins } from '../../utils/core/settings/origins';
import { TextField } from './fields/TextField';
import { useForm } from './form-context';
import { ProbeResult } from './ProbeResult';
import { Section } from './Section';
import { useProbe } from './use-probe';

const PROBED = ['serverUrl', 'auth', 'identity', 'connection'] as const;

/** The host system's WebSocket, with warnings and "Test connection". */
export function ServerSection() {
  const form = useForm();
  const probe = useProbe();
  const url = getPath(form.candidate, 'serverUrl');
  const fields = Object.fromEntries(PROBED.map((key) => [key, getPath(form.candidate, key)]));
  const tested = JSON.stringify(fields);
  const warnings = typeof url === 'string' ? serverUrlWarnings(url) : [];

  // From the click: the access prompt, if needed, must open inside it.
  const test = () => {
    const request = v.safeParse(ConnectionProbeRequestSchema, { probe: 'connection', ...fields });
    if (!request.success) {
      for (const key of PROBED) form.touch(key);
      probe.show(tested, { key: 'optionsProbeFixFirst', substitutions: [], tone: 'problem' });
      return;
    }
    const missing = missingOrigins(requiredOrigins({ ...request.output, directory: { url: '' } }), form.granted);
    const asked = missing.length > 0 ? form.requestAccess(missing) : Promise.resolve(true);
    probe.run(tested, (signal) =>
      asked.then(() => form.ports.probes.connection(request.output, signal)).then(connectionProbeText),
    );
  };

  return (
    <Section id="server" title={t('optionsServerTitle')} intro={t('optionsServerIntro')} paths={['serverUrl']}>
      <TextField
        path="serverUrl"
        type="url"
        code
        label={t('optionsServerUrl')}
        placeholder="wss://admin.example.com/ws"
        hint={t('optionsServerUrlHint')}
      >
        {warnings.map((warning) => (
          <p key={warning} class="field__warning" role="note">
            {t(warning === 'insecure' ? 'optionsServerInsecure' : 'optionsServerHasToken')}
          </p>
        ))}
      </TextField>
      <div class="actions">
        <button type="button" class="button button--secondary" onClick={test} aria-describedby="server-probe-hint">
          {t('optionsTestConnection')}
        </button>
        <span id="server-probe-hint" class="actions__note">
          {t('optionsTestConnectionHint')}
        </span>
      </div>
      <ProbeResult result={probe.resultFor(tested)} busy={probe.busy} busyText={t('optionsTesting')} />
    </Section>
  );
}

import * as v from 'valibot';
import { t } from '../../utils/extension/i18n';
import { getPath } from '../../utils/pages/options/paths';
import { missingOrigins } from '../../utils/pages/options/permissions';
import { directoryProbeText } from '../../utils/pages/options/probe-text';
import { DirectoryProbeRequestSchema } from '../../utils/core/messages/options-background-probes';
import { requiredOrigins } from '../../utils/core/settings/origins';
import { NumberField } from './fields/NumberField';
import { TextField } from './fields/TextField';
import { useForm } from './form-context';
import { ProbeResult } from './ProbeResult';
import { Section } from './Section';
import { useProbe } from './use-probe';

/** The host system's user list, for names; "Test" reads it as the background would. */
export function DirectorySection() {
  const form = useForm();
  const probe = useProbe();

  const directory = getPath(form.candidate, 'directory');
  const tested = JSON.stringify(directory);

  const test = () => {
    const request = v.safeParse(DirectoryProbeRequestSchema, { probe: 'directory', directory });
    if (!request.success) {
      form.touch('directory');
      probe.show(tested, { key: 'optionsProbeFixFirst', substitutions: [], tone: 'problem' });
      return;
    }
    const checked = request.output.directory;
    const missing = missingOrigins(
      requiredOrigins({ serverUrl: '', auth: { cookieUrl: '' }, directory: checked }),
      form.granted,
    );
    const asked = missing.length > 0 ? form.requestAccess(missing) : Promise.resolve(true);
    probe.run(tested, (signal) =>
      asked
        .then(() => form.ports.probes.directory(request.output, signal))
        .then((result) => directoryProbeText(result, checked)),
    );
  };

  return (
    <Section id="directory" title={t('optionsDirectoryTitle')} intro={t('optionsDirectoryIntro')} paths={['directory']}>
      <TextField
        path="directory.url"
        type="url"
        code
        label={t('optionsDirectoryUrl')}
        placeholder="https://admin.example.com/api/users"
        hint={t('optionsDirectoryUrlHint')}
      />
      <div class="row">
        <TextField path="directory.idField" code label={t('optionsDirectoryIdField')} />
        <TextField path="directory.nameField" code label={t('optionsDirectoryNameField')} />
        <NumberField
          path="directory.refreshMinutes"
          label={t('optionsDirectoryRefresh')}
          unit={t('optionsUnitMinutes')}
        />
      </div>
      <div class="actions">
        <button type="button" class="button button--secondary" onClick={test}>
          {t('optionsTestDirectory')}
        </button>
      </div>
      <ProbeResult result={probe.resultFor(tested)} busy={probe.busy} busyText={t('optionsTesting')} />
    </Section>
  );
}

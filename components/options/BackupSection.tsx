import { useRef, useState } from 'preact/hooks';
import { t } from '../../utils/extension/i18n';
import {
  exportFileName,
  parseSettingsFile,
  policyFileText,
  settingsFileText,
  type ImportResult,
} from '../../utils/pages/options/settings-file';
import { toJson } from '../../utils/pages/options/json';
import { defaultSettings } from '../../utils/core/settings/validate';
import { describeIssue } from './fields/use-field';
import { useForm } from './form-context';
import { Section } from './Section';

type Refusal = Exclude<ImportResult, { ok: true }>;

/** Import and export of the documented settings JSON, a policy file for IT, and the defaults. */
export function BackupSection() {
  const form = useForm();
  const { ports, state, dirty } = form;
  const input = useRef<HTMLInputElement>(null);
  const [refused, setRefused] = useState<{ readonly file: string; readonly why: Refusal } | undefined>(undefined);
  const [confirmReset, setConfirmReset] = useState(false);
  const target = ports.extension.browser;

  const onFile = async (file: File) => {
    const result = parseSettingsFile(await file.text(), file.size);
    if (!result.ok) {
      setRefused({ file: file.name, why: result });
      form.note({ kind: 'import-refused', file: file.name });
      return;
    }
    setRefused(undefined);
    form.replace(result.draft, { kind: 'imported', file: file.name });
  };

  return (
    <Section id="backup" title={t('optionsBackupTitle')} intro={t('optionsBackupIntro')}>
      <div class="actions">
        <button type="button" class="button button--secondary" onClick={() => input.current?.click()}>
          {t('optionsImport')}
        </button>
        <input
          ref={input}
          type="file"
          accept="application/json,.json"
          class="sr-only"
          tabIndex={-1}
          aria-hidden="true"
          onChange={(event) => {
            const file = event.currentTarget.files?.[0];
            event.currentTarget.value = '';
            if (file) void onFile(file);
          }}
        />
        <button
          type="button"
          class="button button--secondary"
          onClick={() => ports.download(exportFileName('settings'), settingsFileText(state.effective))}
        >
          {t('optionsExport')}
        </button>
        <button
          type="button"
          class="button button--secondary"
          onClick={() =>
            ports.download(
              exportFileName(target),
              policyFileText(state.effective, defaultSettings(), target, ports.extension.id),
            )
          }
        >
          {t(target === 'firefox' ? 'optionsExportPolicyFirefox' : 'optionsExportPolicyChrome')}
        </button>
      </div>
      {dirty && <p class="field__hint">{t('optionsExportSavedOnly')}</p>}
      {refused && <ImportRefused file={refused.file} why={refused.why} onClose={() => setRefused(undefined)} />}
      <div class="actions actions--spaced">
        {confirmReset ? (
          <div class="confirm-reset" role="group" aria-labelledby="reset-question">
            <span id="reset-question">{t('optionsResetQuestion')}</span>
            <button
              type="button"
              class="button button--danger"
              onClick={() => {
                setConfirmReset(false);
                form.replace(toJson(defaultSettings()), { kind: 'defaults' });
              }}
            >
              {t('optionsResetConfirm')}
            </button>
            <button type="button" class="button button--quiet" onClick={() => setConfirmReset(false)}>
              {t('optionsCancel')}
            </button>
          </div>
        ) : (
          <button type="button" class="button button--quiet" onClick={() => setConfirmReset(true)}>
            {t('optionsReset')}
          </button>
        )}
      </div>
    </Section>
  );
}

/** Why a file was not imported: everything wrong with it, by field, and that nothing changed. */
function ImportRefused({
  file,
  why,
  onClose,
}: {
  readonly file: string;
  readonly why: Refusal;
  readonly onClose: () => void;
}) {
  return (
    <div class="import-error" role="alert">
      <p class="import-error__title">{t('optionsImportRefused', file)}</p>
      {why.problem === 'too-large' && <p>{t('optionsImportTooLarge')}</p>}
      {why.problem === 'not-json' && <p>{t('optionsImportNotJson', why.detail)}</p>}
      {why.problem === 'invalid' && (
        <ul class="import-error__list">
          {why.issues.map((issue, index) => (
            <li key={index}>
              <code>{issue.field}</code>
              {': '}
              {describeIssue(issue)}
            </li>
          ))}
        </ul>
      )}
      <p class="import-error__unchanged">{t('optionsImportUnchanged')}</p>
      <button type="button" class="button button--quiet button--small" onClick={onClose}>
        {t('optionsDismiss')}
      </button>
    </div>
  );
}

import { t } from '../../utils/extension/i18n';
import { hostList } from '../../utils/pages/options/hosts';
import { missingOrigins, neededOrigins } from '../../utils/pages/options/permissions';
import type { RosterState } from '../../utils/core/messages/roster-state';
import type { BrowserActions } from '../../utils/pages/popup/browser-actions';
import { StatusBanner } from '../popup/StatusBanner';
import { LockIcon } from './fields/FieldParts';
import { describeIssue } from './fields/use-field';
import { fieldId, useForm } from './form-context';

interface Props {
  /** The background's state; `undefined` until it answers. */
  readonly roster: RosterState | undefined;
  readonly onRetry: () => void;
}

/** What needs attention before any field: access to grant, the connection, what IT decided. */
export function Notices({ roster, onRetry }: Props) {
  const form = useForm();
  const { state } = form;
  const missing = missingOrigins(neededOrigins(state.effective), form.granted);
  const connection = roster?.connection;
  // The banner's "Open settings" would lead here: on this page it goes to the server's address.
  const actions: BrowserActions = {
    openOptions: () => {
      document.getElementById(fieldId('serverUrl'))?.focus();
      return Promise.resolve(true);
    },
    requestOrigins: (origins) => form.requestAccess(origins),
    shortcut: form.ports.shortcut,
  };
  return (
    <div class="notices">
      {missing.length > 0 && (
        <section class="notice notice--problem" aria-labelledby="access-title">
          <p id="access-title" class="notice__title">
            {t('optionsAccessNeeded')}
          </p>
          <p>{t('optionsAccessWhy', hostList(missing))}</p>
          <button type="button" class="button button--small" onClick={() => void form.requestAccess(missing)}>
            {t('popupGrantAccess')}
          </button>
        </section>
      )}
      {roster && connection?.reason === 'not-configured' && (
        <section class="notice notice--busy">
          <p class="notice__title">{t('statusNotSetUp')}</p>
          <p>{t('optionsNotSetUpHint')}</p>
        </section>
      )}
      {roster &&
        connection &&
        connection.reason !== 'not-configured' &&
        !(connection.reason === 'no-permission' && missing.length > 0) && (
          <StatusBanner status={connection} setup={roster.setup} actions={actions} onRetry={onRetry} />
        )}
      {state.locked.length > 0 && (
        <section class="notice notice--managed">
          <p class="notice__title">
            <LockIcon />
            {t('optionsManagedTitle')}
          </p>
          <p>{t('optionsManagedText')}</p>
        </section>
      )}
      {state.policyIssues.length > 0 && (
        <section class="notice notice--problem">
          <p class="notice__title">{t('optionsPolicyIssues')}</p>
          <ul>
            {state.policyIssues.map((issue, index) => (
              <li key={index}>
                <code>{issue.field}</code>
                {`: ${describeIssue(issue)}`}
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}

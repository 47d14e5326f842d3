import { t } from '../../utils/extension/i18n';
import { hostList } from '../../utils/pages/options/hosts';
import { describeIssue } from './fields/use-field';
import { fieldId, useForm, type FormNotice } from './form-context';
import { focusFirstProblem } from './focus-problem';

/** Problems listed in the bar at most; the fields show every one. */
const LISTED = 5;

/** Always at the bottom of the window: whether everything is saved, Save and Discard, and what just happened. */
export function SaveBar() {
  const form = useForm();
  const { dirty, saving, notice, state } = form;
  const refused = notice?.kind === 'refused';
  return (
    <div class={`savebar${dirty ? ' savebar--dirty' : ''}`}>
      <div class="savebar__inner">
        <div class="savebar__text" role="status" aria-live="polite">
          <p
            class={`savebar__status${refused || notice?.kind === 'save-failed' || notice?.kind === 'import-refused' ? ' savebar__status--problem' : ''}`}
          >
            {noticeText(notice, dirty, saving)}
          </p>
          {notice?.kind === 'saved-without-access' && (
            <button type="button" class="button button--small" onClick={() => void form.requestAccess(notice.origins)}>
              {t('popupGrantAccess')}
            </button>
          )}
        </div>
        {refused && state.issues.length > 0 && (
          <ul class="savebar__problems" aria-label={t('optionsProblemsLabel')}>
            {state.issues.slice(0, LISTED).map((issue, index) => (
              <li key={index}>
                <button type="button" class="link-button" onClick={() => focusFirstProblem([issue.field], fieldId)}>
                  <code>{issue.field}</code>
                </button>
                {`: ${describeIssue(issue)}`}
              </li>
            ))}
          </ul>
        )}
        <div class="savebar__buttons">
          {dirty && (
            <button type="button" class="button button--quiet" onClick={form.discard} disabled={saving}>
              {t('optionsDiscard')}
            </button>
          )}
          <button type="submit" class="button" aria-disabled={!dirty || saving ? true : undefined}>
            {saving ? t('optionsSaving') : t('optionsSave')}
          </button>
        </div>
      </div>
    </div>
  );
}

function noticeText(notice: FormNotice | undefined, dirty: boolean, saving: boolean): string {
  if (saving) return t('optionsSaving');
  switch (notice?.kind) {
    case 'saved':
      return t('optionsSaved');
    case 'saved-without-access':
      return t('optionsSavedNoAccess', hostList(notice.origins));
    case 'refused':
      return t('optionsRefused', notice.count);
    case 'save-failed':
      return t('optionsSaveFailed', notice.detail);
    case 'imported':
      return t('optionsImported', notice.file);
    case 'import-refused':
      return t('optionsImportRefusedShort', notice.file);
    case 'defaults':
      return t('optionsDefaultsLoaded');
    case 'discarded':
      return t('optionsDiscarded');
    case undefined:
      return dirty ? t('optionsUnsaved') : t('optionsAllSaved');
  }
}

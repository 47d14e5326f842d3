import { useState } from 'preact/hooks';
import { t } from '../../utils/extension/i18n';
import { hostOf } from '../../utils/pages/options/hosts';
import { issueText } from '../../utils/pages/options/issue-text';
import { isWithinPath, getPath } from '../../utils/pages/options/paths';
import type { Json } from '../../utils/pages/options/json';
import { missingOrigins } from '../../utils/pages/options/permissions';
import { pageLabel, pageScope, testableTabs } from '../../utils/pages/options/tester-tabs';
import type { TesterReply } from '../../utils/core/messages/options-tester';
import { browserPattern } from '../../utils/core/sites/match-pattern';
import { siteMatches } from '../../utils/core/sites/site-scope';
import { validateSettings, type SettingsIssue } from '../../utils/core/settings/validate';
import { useForm } from './form-context';
import { useTester, type FrameReply } from './use-tester';

/** Rows listed under the counts; the tab outlines them all. */
const SHOWN_ROWS = 10;

/** "Test on an open tab": what this profile finds in a real page, outlined in that page. */
export function LiveTester({ index }: { readonly index: number }) {
  const form = useForm();
  const path = `sites.profiles.${index}`;
  const profile = getPath(form.candidate, path) as Json | undefined;
  const problem = form.state.issues.find((issue) => isWithinPath(issue.field, path));
  const valid = problem === undefined;
  const tester = useTester(form.ports, valid ? profile : undefined);

  const checked = validateSettings(form.candidate);
  const sites = siteMatches(checked.ok ? checked.settings : form.state.effective);
  const profileUrl = getPath(profile, 'url');
  const tabs = testableTabs(tester.tabs, typeof profileUrl === 'string' ? profileUrl : undefined, sites);
  const [chosen, setChosen] = useState<number | undefined>(undefined);
  const selected = tabs.find((tab) => tab.id === (tester.testing ?? chosen)) ?? tabs[0];
  const selectId = `${path}-tester-tab`.replace(/\./g, '-');
  // Without access to a site, the browser hides its tabs' addresses: ask for the profile's (or Roster's) pages.
  const wanted = missingOrigins(
    (typeof profileUrl === 'string' ? [browserPattern(profileUrl)] : sites.map(browserPattern)).filter(
      (pattern): pattern is string => !!pattern,
    ),
    form.granted,
  );

  return (
    <div class="tester">
      <h4 class="tester__title">{t('optionsTesterTitle')}</h4>
      {tabs.length === 0 ? (
        <p class="field__hint">{t('optionsTesterNoTabs')}</p>
      ) : (
        <div class="field field--select">
          <label class="field__label" for={selectId}>
            {t('optionsTesterTab')}
          </label>
          <select
            id={selectId}
            class="input input--select"
            value={selected?.id}
            disabled={tester.testing !== undefined}
            onChange={(event) => setChosen(Number(event.currentTarget.value))}
          >
            {tabs.map((tab) => (
              <option key={tab.id} value={tab.id}>
                {`${tab.title} — ${hostOf(tab.url)}`}
              </option>
            ))}
          </select>
        </div>
      )}
      <div class="actions">
        {tester.testing === undefined ? (
          <button
            type="button"
            class="button button--secondary"
            disabled={!selected || !valid}
            onClick={() => selected && tester.start(selected.id)}
          >
            {t('optionsTesterStart')}
          </button>
        ) : (
          <button type="button" class="button button--secondary" onClick={tester.stop}>
            {t('optionsTesterStop')}
          </button>
        )}
        {tester.testing !== undefined && selected && (
          <button type="button" class="button button--quiet" onClick={() => void form.ports.tester.show(selected)}>
            {t('optionsTesterShow')}
          </button>
        )}
        {wanted.length > 0 && (
          <button type="button" class="button button--quiet" onClick={() => void form.requestAccess(wanted)}>
            {t('optionsTesterAccess', wanted.map(hostOf).join(', '))}
          </button>
        )}
      </div>
      {problem && (
        <>
          <p class="field__hint">{t('optionsTesterFixFirst')}</p>
          {/* Why, in words: an unsafe pattern is refused here before it could freeze the tab. */}
          <p class="probe__line probe--problem">{t('optionsTesterNotRun', localIssue(problem))}</p>
        </>
      )}
      {tester.failure && (
        <p class="probe__line probe--problem" role="alert">
          {t('optionsTesterFailed', tester.failure)}
        </p>
      )}
      <div role="status" aria-live="polite">
        {tester.testing !== undefined && selected && tester.replies.length <= 1 && (
          <Scope profileApplies={selected.profileApplies} rosterRuns={selected.rosterRuns} />
        )}
        {tester.testing !== undefined && tester.replies.length === 1 && tester.replies[0] && (
          <Findings reply={tester.replies[0].reply} />
        )}
        {tester.testing !== undefined && tester.replies.length > 1 && (
          <Frames
            replies={tester.replies}
            scopeOf={(url) => pageScope(url, typeof profileUrl === 'string' ? profileUrl : undefined, sites)}
          />
        )}
      </div>
    </div>
  );
}

function localIssue(issue: SettingsIssue): string {
  const text = issueText(issue);
  return t(text.key, ...text.substitutions);
}

function Scope({ profileApplies, rosterRuns }: { readonly profileApplies: boolean; readonly rosterRuns: boolean }) {
  return (
    <>
      {!profileApplies && <p class="field__warning">{t('optionsTesterOutsideProfile')}</p>}
      {!rosterRuns && <p class="field__warning">{t('optionsTesterOutsideSites')}</p>}
    </>
  );
}

/** A tab with frames (an iframe shell): each frame's findings under its address, the tab's own page first. */
function Frames({
  replies,
  scopeOf,
}: {
  readonly replies: readonly FrameReply[];
  readonly scopeOf: (url: string) => { profileApplies: boolean; rosterRuns: boolean };
}) {
  return (
    <>
      <p class="field__hint">{t('optionsTesterFrames', replies.length)}</p>
      {replies.map(({ frameId, reply }) => {
        const url = reply.type === 'result' ? reply.url : undefined;
        const scope = url === undefined ? undefined : scopeOf(url);
        return (
          <section key={frameId} class="tester__frame">
            <h5 class="tester__frame-title">
              {frameId === 0
                ? t('optionsTesterTopPage')
                : t('optionsTesterInFrame', url === undefined ? '…' : pageLabel(url))}
            </h5>
            {scope && <Scope profileApplies={scope.profileApplies} rosterRuns={scope.rosterRuns} />}
            <Findings reply={reply} />
          </section>
        );
      })}
    </>
  );
}

function Findings({ reply }: { readonly reply: TesterReply }) {
  if (reply.type === 'refused') {
    return (
      <p class="probe__line probe--problem">
        {t('optionsTesterRefused', localIssue({ field: reply.field, message: reply.message }))}
      </p>
    );
  }
  const tone = reply.users > 0 ? 'ok' : 'problem';
  return (
    <div class="findings">
      <p class={`probe__line probe--${tone}`}>
        <span class="status__dot" aria-hidden="true" />
        {t('optionsTesterCounts', reply.rows, reply.users)}
      </p>
      {reply.unread > 0 && <p class="field__hint">{t('optionsTesterUnread', reply.unread)}</p>}
      {reply.duplicates > 0 && <p class="field__hint">{t('optionsTesterDuplicates', reply.duplicates)}</p>}
      {reply.truncated && <p class="field__hint">{t('optionsTesterTruncated')}</p>}
      {reply.sample.length > 0 && (
        <table class="findings__table">
          <caption class="sr-only">{t('optionsTesterTableCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('optionsTesterRow')}</th>
              <th scope="col">{t('optionsTesterId')}</th>
              <th scope="col">{t('optionsTesterName')}</th>
            </tr>
          </thead>
          <tbody>
            {reply.sample.slice(0, SHOWN_ROWS).map((row) => (
              <tr key={row.index}>
                <td>{row.index}</td>
                <td class="findings__value">{row.id ?? '—'}</td>
                <td class="findings__value">{row.name ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {reply.users > SHOWN_ROWS && <p class="field__hint">{t('optionsTesterMore', reply.users - SHOWN_ROWS)}</p>}
    </div>
  );
}

import { useEffect, useRef } from 'preact/hooks';
import { t } from '../../utils/extension/i18n';
import type { RosterClient } from '../../utils/core/roster-client';
import type { OptionsPorts } from '../../utils/pages/options/ports';
import { ErrorBoundary } from '../ErrorBoundary';
import { useRoster } from '../use-roster';
import { AdvancedSection } from './AdvancedSection';
import { BackupSection } from './BackupSection';
import { CallsSection } from './CallsSection';
import { DirectorySection } from './DirectorySection';
import { FormContext } from './form-context';
import { Notices } from './Notices';
import { NotificationsSection } from './NotificationsSection';
import { PresenceSection } from './PresenceSection';
import { SaveBar } from './SaveBar';
import { ServerSection } from './ServerSection';
import { ShortcutSection } from './ShortcutSection';
import { SignInSection } from './SignInSection';
import { SitesSection } from './SitesSection';
import { useOptionsForm } from './use-options-form';

interface Props {
  readonly ports: OptionsPorts;
  readonly client: RosterClient;
}

const SECTIONS = [
  ['server', 'optionsServerTitle'],
  ['sign-in', 'optionsSignInTitle'],
  ['directory', 'optionsDirectoryTitle'],
  ['sites', 'optionsSitesTitle'],
  ['notifications', 'optionsNotificationsTitle'],
  ['calls', 'optionsCallsTitle'],
  ['presence', 'optionsPresenceTitle'],
  ['shortcut', 'optionsShortcutTitle'],
  ['advanced', 'optionsAdvancedTitle'],
  ['backup', 'optionsBackupTitle'],
] as const;

/** Roster's settings page: every setting, validated as typed, saved all at once, applied live. */
export function OptionsApp(props: Props) {
  return (
    <ErrorBoundary>
      <OptionsPage {...props} />
    </ErrorBoundary>
  );
}

function OptionsPage({ ports, client }: Props) {
  const form = useOptionsForm(ports);
  const roster = useRoster(client);
  const latest = useRef(form);
  latest.current = form;

  useEffect(() => {
    // Ctrl+S / ⌘S saves: a key press is a user gesture, so the access prompt may open from it.
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 's') {
        event.preventDefault();
        latest.current?.save();
      }
    };
    // Leaving with unsaved changes asks first.
    const onLeave = (event: BeforeUnloadEvent) => {
      if (latest.current?.dirty) event.preventDefault();
    };
    document.addEventListener('keydown', onKey);
    window.addEventListener('beforeunload', onLeave);
    return () => {
      document.removeEventListener('keydown', onKey);
      window.removeEventListener('beforeunload', onLeave);
    };
  }, []);

  return (
    <div class="options" aria-busy={form === undefined}>
      <header class="options__header">
        <img class="options__logo" src="/icon/48.png" alt="" width={32} height={32} />
        <h1>{t('optionsTitle')}</h1>
      </header>
      {form && (
        <FormContext.Provider value={form}>
          <div class="options__body">
            <nav class="options__nav" aria-label={t('optionsNavLabel')}>
              <ul>
                {SECTIONS.map(([id, key]) => (
                  <li key={id}>
                    <a href={`#${id}`}>{t(key)}</a>
                  </li>
                ))}
              </ul>
            </nav>
            <main class="options__main">
              <Notices roster={roster} onRetry={() => void client.request({ op: 'retryNow' }).catch(() => undefined)} />
              <form
                noValidate
                onSubmit={(event) => {
                  event.preventDefault();
                  form.save();
                }}
              >
                <ServerSection />
                <SignInSection roster={roster} />
                <DirectorySection />
                <SitesSection />
                <NotificationsSection />
                <CallsSection />
                <PresenceSection />
                <ShortcutSection />
                <AdvancedSection />
                <BackupSection />
                <SaveBar />
              </form>
            </main>
          </div>
        </FormContext.Provider>
      )}
    </div>
  );
}

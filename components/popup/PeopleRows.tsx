import type { ComponentChildren } from 'preact';
import { t } from '../../utils/extension/i18n';
import { rowStatusWords } from '../../utils/pages/popup/call-text';
import type { OfflinePerson, Person } from '../../utils/pages/popup/people';
import type { RowCallStatus } from '../../utils/pages/popup/row-status';
import { useLocale } from '../../utils/pages/popup/locale';
import { timeFormat } from '../../utils/pages/popup/time-format';

/** A person's dot, name (whole on hover: long names are cut) and the small line under it. */
function RowText({
  dot,
  nameClass,
  name,
  children,
}: {
  readonly dot: string;
  readonly nameClass: string;
  readonly name: string;
  readonly children: ComponentChildren;
}) {
  return (
    <>
      <span class={`dot ${dot}`} aria-hidden="true" />
      <span class="row__text">
        <span class={nameClass} title={name}>
          {name}
        </span>
        <span class="row__meta">{children}</span>
      </span>
    </>
  );
}

interface PersonProps {
  readonly person: Person;
  readonly status: RowCallStatus | undefined;
  readonly armed: boolean;
  /** The list's one tab stop. */
  readonly tabStop: boolean;
  readonly blocked: boolean;
  readonly onCall: () => void;
  readonly onFocus: () => void;
}

/** An online colleague: name, id, what became of my last call, and the Call button. */
export function OnlineRow({ person, status, armed, tabStop, blocked, onCall, onFocus }: PersonProps) {
  const format = timeFormat(useLocale());
  const words = status && rowStatusWords(status, person.name, (at) => format.clock(at));
  return (
    <>
      <RowText dot="dot--online" nameClass="name" name={person.name}>
        {armed ? (
          <span class="confirm">{t('popupConfirmHint')}</span>
        ) : (
          <>
            {person.named && <span class="row__id">{t('popupId', person.id)}</span>}
            {words && <span class={`call-status tone--${words.tone}`}>{t(words.key, ...words.substitutions)}</span>}
          </>
        )}
      </RowText>
      <button
        type="button"
        class={`button call-button${armed ? ' call-button--armed' : ''}`}
        tabIndex={tabStop ? 0 : -1}
        aria-disabled={blocked}
        aria-label={t('callTo', person.name)}
        onClick={onCall}
        onFocus={onFocus}
      >
        {t('call')}
      </button>
    </>
  );
}

/** A colleague from the directory who is not online, and when we last saw them. */
export function OfflineRow({ person, now }: { readonly person: OfflinePerson; readonly now: number }) {
  const format = timeFormat(useLocale());
  return (
    <RowText dot="dot--offline" nameClass="absent__name" name={person.name}>
      {person.lastSeen === undefined ? t('popupOffline') : t('popupLastSeen', format.relative(person.lastSeen, now))}
      {person.named && <span class="row__id">{t('popupId', person.id)}</span>}
    </RowText>
  );
}

interface ToggleProps {
  readonly count: number;
  readonly expanded: boolean;
  /** Held open by a search: a heading, not a button. */
  readonly fixed: boolean;
  readonly tabStop: boolean;
  readonly onToggle: () => void;
  readonly onFocus: () => void;
}

/** The head of the offline section, which opens and closes it. */
export function OfflineToggle({ count, expanded, fixed, tabStop, onToggle, onFocus }: ToggleProps) {
  const label = t('popupOfflineSection', count);
  if (fixed) return <span class="section-toggle section-toggle--fixed">{label}</span>;
  return (
    <button
      type="button"
      class="section-toggle"
      aria-expanded={expanded}
      tabIndex={tabStop ? 0 : -1}
      onClick={onToggle}
      onFocus={onFocus}
    >
      <span class="section-toggle__chevron" aria-hidden="true" />
      {label}
    </button>
  );
}

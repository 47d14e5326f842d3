import { t } from '../../utils/extension/i18n';
import { MAX_CALL_NOTE } from '../../utils/core/calls/call-context';
import { noteLeft } from '../../utils/pages/popup/call-about';
import type { CallAboutState } from './use-call-about';

/** Shown once few characters are left, so the count is news rather than noise. */
const COUNT_FROM = 40;

/**
 * What the next call from this popup says: the page open in the active tab (on by default, Alt+A
 * turns it off) and a short note. Both go with any Call button of the popup.
 */
export function CallAboutBar({ about }: { readonly about: CallAboutState }) {
  const { page, aboutPage, note } = about.choice;
  const left = noteLeft(note);
  return (
    <section class="about" aria-label={t('popupAboutLabel')}>
      {page && (
        <label class="about__page">
          <input
            type="checkbox"
            class="about__check"
            checked={aboutPage}
            aria-describedby="about-hint"
            aria-keyshortcuts="Alt+A"
            onChange={(event) => about.setAboutPage(event.currentTarget.checked)}
          />
          <span class="about__words">
            <span class="about__lead">{t('callAboutPage')}</span>
            <span class={`about__title${aboutPage ? '' : ' is-off'}`} title={page.title}>
              {page.title}
            </span>
          </span>
          <kbd class="about__hint" id="about-hint" title={t('callAboutPageHint')}>
            Alt+A
          </kbd>
        </label>
      )}
      <label class="sr-only" for="call-note">
        {t('callNoteLabel')}
      </label>
      <input
        id="call-note"
        class="about__note"
        type="text"
        autoComplete="off"
        maxLength={MAX_CALL_NOTE * 2}
        placeholder={t('callNotePlaceholder')}
        aria-describedby={left <= COUNT_FROM ? 'call-note-left' : undefined}
        value={note}
        onInput={(event) => {
          const box = event.currentTarget;
          const bounded = about.setNote(box.value);
          // A paste cut at the limit: the box shows what will be sent.
          if (bounded !== box.value) box.value = bounded;
        }}
      />
      {left <= COUNT_FROM && (
        <p class={`about__left${left === 0 ? ' is-full' : ''}`} id="call-note-left">
          {t('callNoteLeft', left)}
        </p>
      )}
    </section>
  );
}

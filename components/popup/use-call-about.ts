import { useEffect, useRef, useState } from 'preact/hooks';
import type { CallAbout } from '../../utils/core/messages/roster-state';
import type { RosterClient } from '../../utils/core/roster-client';
import { t } from '../../utils/extension/i18n';
import { aboutFields, boundNote, isAboutToggle, NO_CHOICE, type AboutChoice } from '../../utils/pages/popup/call-about';

export interface CallAboutState {
  readonly choice: AboutChoice;
  readonly setAboutPage: (on: boolean) => void;
  /** Holds the note to its limit; returns what was kept, for the box to show. */
  readonly setNote: (note: string) => string;
  /** What a call placed now carries; read when the call is placed, not when the row was drawn. */
  readonly fields: () => CallAbout;
  /** A call went out with the note: the next one starts without it. */
  readonly sent: () => void;
}

/**
 * The popup's "about this page" and note. The active tab is asked for once, as the popup opens
 * (it is the tab the user was looking at when they clicked the toolbar button); Alt+A anywhere in
 * the popup turns the page on or off, aloud.
 */
export function useCallAbout(client: RosterClient, announce: (text: string) => void): CallAboutState {
  const [choice, setChoice] = useState<AboutChoice>(NO_CHOICE);
  const latest = useRef(choice);
  latest.current = choice;

  useEffect(() => {
    const unmounted = new AbortController();
    client.request({ op: 'activePage' }).then(
      (page) => {
        if (page && !unmounted.signal.aborted) setChoice((current) => ({ ...current, page }));
      },
      // No page to offer is what a popup on any other tab shows too.
      () => undefined,
    );
    return () => unmounted.abort();
  }, [client]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const { page, aboutPage } = latest.current;
      if (!page || !isAboutToggle(event)) return;
      event.preventDefault();
      setChoice((current) => ({ ...current, aboutPage: !aboutPage }));
      announce(aboutPage ? t('popupAboutOff') : t('popupAboutOn', page.title));
    };
    const unmounted = new AbortController();
    document.addEventListener('keydown', onKey, { signal: unmounted.signal });
    return () => unmounted.abort();
  }, [announce]);

  return {
    choice,
    setAboutPage: (on) => setChoice((current) => ({ ...current, aboutPage: on })),
    setNote: (note) => {
      const bounded = boundNote(note);
      setChoice((current) => ({ ...current, note: bounded }));
      return bounded;
    },
    fields: () => aboutFields(latest.current),
    sent: () => setChoice((current) => (current.note === '' ? current : { ...current, note: '' })),
  };
}

import { MAX_CALL_NOTE } from '../../core/calls/call-context';
import type { CallAbout, CallPage } from '../../core/messages/roster-state';

/**
 * What the popup's caller chose a call to be about, pure: the active host page (on unless turned
 * off) and a short note. The background checks both again before anything goes on the wire.
 */
export interface AboutChoice {
  /** The active tab, when it is a configured site's page and context is on; `null` otherwise. */
  readonly page: CallPage | null;
  readonly aboutPage: boolean;
  readonly note: string;
}

export const NO_CHOICE: AboutChoice = { page: null, aboutPage: true, note: '' };

/** The fields a call placed now carries: none at all when there is nothing to say. */
export function aboutFields(choice: AboutChoice): CallAbout {
  const note = choice.note.trim();
  return {
    ...(choice.page && choice.aboutPage ? { page: choice.page } : {}),
    ...(note ? { note } : {}),
  };
}

/** Characters the note may still take (as a person counts them, not UTF-16 units). */
export function noteLeft(note: string): number {
  return MAX_CALL_NOTE - Array.from(note).length;
}

/** A note typed or pasted, held to the limit without splitting a character. */
export function boundNote(note: string): string {
  const characters = Array.from(note);
  return characters.length <= MAX_CALL_NOTE ? note : characters.slice(0, MAX_CALL_NOTE).join('');
}

/**
 * Alt+A, by the key's place, not its letter: on a Mac Option+A types "å", and a Chinese input
 * method may report something else again.
 */
export function isAboutToggle(press: {
  readonly code: string;
  readonly altKey: boolean;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly shiftKey: boolean;
}): boolean {
  return press.code === 'KeyA' && press.altKey && !press.ctrlKey && !press.metaKey && !press.shiftKey;
}

import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { SettingsIssue } from '../../utils/core/settings/validate';
import type { FormState } from '../../utils/pages/options/form-state';
import type { Json } from '../../utils/pages/options/json';
import type { OptionsPorts } from '../../utils/pages/options/ports';

/** What happened last, for the save bar to say. */
export type FormNotice =
  | { readonly kind: 'saved' }
  /** Saved, but the browser's prompt was refused: Roster cannot use these origins yet. */
  | { readonly kind: 'saved-without-access'; readonly origins: readonly string[] }
  | { readonly kind: 'refused'; readonly count: number }
  | { readonly kind: 'save-failed'; readonly detail: string }
  | { readonly kind: 'imported'; readonly file: string }
  | { readonly kind: 'import-refused'; readonly file: string }
  | { readonly kind: 'defaults' }
  | { readonly kind: 'discarded' };

/** The options form as its fields and sections see it. */
export interface OptionsForm {
  readonly state: FormState;
  /** The draft as it would run: policy values on the locked fields. What tests are run with. */
  readonly candidate: Json;
  readonly ports: OptionsPorts;
  /** Problems to show now (see `visibleIssues`). */
  readonly shownIssues: readonly SettingsIssue[];
  readonly dirty: boolean;
  readonly saving: boolean;
  readonly notice: FormNotice | undefined;
  /** Host-permission patterns held now. */
  readonly granted: readonly string[];
  readonly edit: (path: string, value: Json | undefined) => void;
  readonly touch: (path: string) => void;
  /** A whole new draft (import, defaults), shown for review; nothing is saved yet. */
  readonly replace: (draft: Json, notice: FormNotice) => void;
  readonly discard: () => void;
  /** Says what just happened in the save bar (its live region). */
  readonly note: (notice: FormNotice) => void;
  /** Validates, asks for missing host access, saves. Call it from the click or key press itself. */
  readonly save: () => void;
  /** Asks for host access; call it from the click itself. Resolves whether it was granted. */
  readonly requestAccess: (origins: readonly string[]) => Promise<boolean>;
}

export const FormContext = createContext<OptionsForm | undefined>(undefined);

export function useForm(): OptionsForm {
  const form = useContext(FormContext);
  if (!form) throw new Error('useForm outside the options form');
  return form;
}

/** The DOM id of the field at `path`: errors and tests find fields by it. */
export function fieldId(path: string): string {
  return `field-${path.replace(/\./g, '-')}`;
}

import * as v from 'valibot';
import { fromEnv } from '../settings/build-defaults';
import { isMatchPattern } from './match-pattern';
import { patternProblem, patternProblemMessages } from './safe-pattern';
import { isSelector } from './selector';

/**
 * Where Roster draws presence marks, and how it finds users on custom pages (`settings.sites`).
 * Every mistake is reported on the field that holds it, e.g. `sites.profiles.0.id.pattern`.
 */

function isRegExp(text: string): boolean {
  try {
    new RegExp(text);
    return true;
  } catch {
    return false;
  }
}

const Selector = v.pipe(
  v.string(),
  v.trim(),
  v.nonEmpty('must not be empty'),
  v.maxLength(500),
  // Checked where a DOM exists (options page, content script); the worker has none.
  v.check(isSelector, 'is not a valid CSS selector'),
);
/** A regular expression in the safe subset (see `safe-pattern.ts`): its problem is named on the field. */
const Pattern = v.pipe(
  v.string(),
  v.nonEmpty('must not be empty'),
  v.maxLength(500),
  v.check(isRegExp, 'is not a valid regular expression'),
  v.rawCheck(({ dataset, addIssue }) => {
    const problem = dataset.typed ? patternProblem(dataset.value) : undefined;
    if (problem) addIssue({ message: patternProblemMessages[problem] });
  }),
);
const HeaderText = v.pipe(v.string(), v.trim(), v.nonEmpty('must not be empty'), v.maxLength(100));
/** 1 is the first column, as people count them. */
const Column = v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(500));
const AttributeName = v.pipe(v.string(), v.trim(), v.regex(/^[A-Za-z_:][-\w:.]{0,99}$/, 'is not an attribute name'));
const UrlPattern = v.pipe(
  v.string(),
  v.trim(),
  v.check(isMatchPattern, 'must be a match pattern with a host, e.g. https://admin.example.com/*'),
);

/** A table cell, by its column's header text or by its position. */
const cellFields = { header: v.optional(HeaderText), column: v.optional(Column) };
interface CellRef {
  readonly header?: string;
  readonly column?: number;
}
const named = (ref: CellRef) => ref.header !== undefined || ref.column !== undefined;
const notBoth = (ref: CellRef) => ref.header === undefined || ref.column === undefined;
const NEITHER = 'give either header or column';
const BOTH = 'give header or column, not both';

/** How a row's user id or name is read: its text, an attribute, or a link's address. */
export const ExtractorSchema = v.variant('from', [
  v.pipe(
    v.strictObject({
      from: v.literal('cell'),
      ...cellFields,
      selector: v.optional(Selector),
      pattern: v.optional(Pattern),
    }),
    v.forward(
      v.check((ref) => named(ref), NEITHER),
      ['header'],
    ),
    v.forward(
      v.check((ref) => notBoth(ref), BOTH),
      ['header'],
    ),
  ),
  v.pipe(
    v.strictObject({
      from: v.literal('attribute'),
      attribute: AttributeName,
      ...cellFields,
      selector: v.optional(Selector),
      pattern: v.optional(Pattern),
    }),
    v.forward(
      v.check((ref) => notBoth(ref), BOTH),
      ['header'],
    ),
  ),
  v.pipe(
    v.strictObject({
      from: v.literal('link'),
      ...cellFields,
      selector: v.optional(Selector, 'a[href]'),
      pattern: Pattern,
    }),
    v.forward(
      v.check((ref) => notBoth(ref), BOTH),
      ['header'],
    ),
  ),
  v.strictObject({ from: v.literal('text'), selector: v.optional(Selector), pattern: v.optional(Pattern) }),
]);

export const MarkPlacementSchema = v.pipe(
  v.strictObject({
    ...cellFields,
    selector: v.optional(Selector),
    /** Before or after the content of the place it goes. */
    position: v.optional(v.picklist(['before', 'after']), 'before'),
  }),
  v.forward(
    v.check((ref) => notBoth(ref), BOTH),
    ['header'],
  ),
);

export const SiteProfileSchema = v.pipe(
  v.strictObject({
    /** Shown in logs and the options page. */
    label: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(100)), ''),
    /** Which pages; every page Roster runs on when absent. */
    url: v.optional(UrlPattern),
    rows: Selector,
    id: v.optional(ExtractorSchema),
    name: v.optional(ExtractorSchema),
    /** Where the mark goes; by default before the name (or the id when there is no name). */
    mark: v.optional(MarkPlacementSchema, {}),
  }),
  v.forward(
    v.check(
      (profile) => profile.id !== undefined || profile.name !== undefined,
      'give an id or a name extractor (or both)',
    ),
    ['id'],
  ),
);

export const SitesSettingsSchema = v.strictObject({
  /** Pages Roster runs on. Empty: the sign-in site's origin (`auth.cookieUrl`). */
  matches: v.optional(v.pipe(v.array(UrlPattern), v.maxLength(50)), []),
  builtIns: v.optional(
    v.strictObject({
      elementTable: v.optional(v.boolean(), true),
      plainTable: v.optional(v.boolean(), true),
      dataAttributes: v.optional(v.boolean(), true),
    }),
    {},
  ),
  /** Tried before the built-ins, in order. */
  profiles: v.optional(v.pipe(v.array(SiteProfileSchema), v.maxLength(50)), []),
  /**
   * Elements whose open shadow roots hold rows (web-component hosts), e.g. `user-table`. Empty:
   * shadow roots are not entered (finding them would mean visiting every element of every page).
   */
  shadowHosts: v.optional(v.union([v.literal(''), Selector]), () => fromEnv('WXT_DEFAULT_SHADOW_HOSTS')),
  /** The DOM event a host page receives on an incoming call. */
  callEventName: v.optional(
    v.pipe(v.string(), v.trim(), v.regex(/^[A-Za-z][\w:.-]{0,63}$/, 'must be a plain event name such as roster:call')),
    'roster:call',
  ),
});

export type SitesSettings = v.InferOutput<typeof SitesSettingsSchema>;
export type SiteProfileSettings = v.InferOutput<typeof SiteProfileSchema>;
export type ExtractorSettings = v.InferOutput<typeof ExtractorSchema>;
export type BuiltInName = keyof SitesSettings['builtIns'];

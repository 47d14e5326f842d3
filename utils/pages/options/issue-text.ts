import type { MessageKey } from '../../extension/i18n';
import type { SettingsIssue } from '../../core/settings/validate';
import { patternProblemMessages } from '../../core/sites/safe-pattern';
import { numberRange } from './schema-info';

/**
 * A validation problem in the user's language. The schema words its problems in English (they are
 * logged and shown to IT in policy reports); here each known wording maps to a message key. An
 * unknown wording is still shown, as the detail of a generic message. Pure.
 */
export interface IssueText {
  readonly key: MessageKey;
  readonly substitutions: readonly (string | number)[];
}

/** Every wording the settings schemas use; a unit test produces each one, so a reworded schema fails it. */
export const KNOWN_MESSAGES: ReadonlyMap<string, MessageKey> = new Map<string, MessageKey>([
  ['must be a ws:// or wss:// URL', 'optionsErrWsUrl'],
  ['must be an http:// or https:// URL', 'optionsErrHttpUrl'],
  ['must not be empty', 'optionsErrEmpty'],
  ['is not a valid CSS selector', 'optionsErrSelector'],
  ['is not a valid regular expression', 'optionsErrRegExp'],
  [patternProblemMessages.backreference, 'optionsErrRegExpBackreference'],
  [patternProblemMessages['nested-repeat'], 'optionsErrRegExpNested'],
  [patternProblemMessages['too-costly'], 'optionsErrRegExpCostly'],
  ['must be a match pattern with a host, e.g. https://admin.example.com/*', 'optionsErrMatchPattern'],
  ['is not an attribute name', 'optionsErrAttribute'],
  ['give either header or column', 'optionsErrCellNeither'],
  ['give header or column, not both', 'optionsErrCellBoth'],
  ['give an id or a name extractor (or both)', 'optionsErrIdOrName'],
  ['must be a plain event name such as roster:call', 'optionsErrEventName'],
  ['is not a known setting', 'optionsErrUnknownKey'],
  ['must be a JSON object', 'optionsErrNotObject'],
]);

const TOO_LONG = /^Invalid length: Expected <=(\d+) but/;

export function issueText(issue: SettingsIssue): IssueText {
  const range = numberRange(issue.field);
  if (range)
    return {
      key: range.integer ? 'optionsErrWholeRange' : 'optionsErrNumberRange',
      substitutions: [range.min, range.max],
    };
  const key = KNOWN_MESSAGES.get(issue.message);
  if (key) return { key, substitutions: [] };
  const tooLong = TOO_LONG.exec(issue.message);
  if (tooLong?.[1]) return { key: 'optionsErrTooLong', substitutions: [Number(tooLong[1])] };
  return { key: 'optionsErrInvalid', substitutions: [issue.message] };
}

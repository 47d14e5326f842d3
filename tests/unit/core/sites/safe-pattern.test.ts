import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { issueText } from '../../../../utils/pages/options/issue-text';
import { compileExtractor } from '../../../../utils/content/tables/extract';
import { PATTERN_INPUT_LIMIT, patternProblem, type PatternProblem } from '../../../../utils/core/sites/safe-pattern';
import { resolveSettings } from '../../../../utils/extension/settings-storage';
import { validateSettings } from '../../../../utils/core/settings/validate';
import { createHeaderLookup } from '../../../../utils/content/tables/table-headers';
import { formatMessage } from '../../components/popup/helpers/messages';

describe('the safe subset of patterns', () => {
  test.each<[string, PatternProblem | undefined]>([
    // What profiles are for: ids in links and cells, names around them.
    ['(\\d+)', undefined],
    ['/user/(\\d+)', undefined],
    ['(\\d+)\\D*$', undefined],
    ['id=(\\w+)', undefined],
    ['\\((\\d+)\\)$', undefined],
    ['^(.+?)\\s*\\(', undefined],
    ['^\\s*(\\S+)\\s*$', undefined],
    ['^(\\w+)\\s+(\\w+)$', undefined],
    ['(\\S+)@example\\.com', undefined],
    ['工号[:：]\\s*(\\d+)', undefined],
    ['^(?:user|member)/(\\d+)$', undefined],
    ['(?<id>\\d+)', undefined],
    ['(?:ab)+', undefined],
    ['(\\d{3}-)+\\d', undefined],
    ['[(+*?]\\{2,\\}', undefined],
    ['\\u{4}x', undefined],
    ['not ( a pattern', undefined],
    // The exponential shapes: a repeat of something that repeats or branches.
    ['^(\\w+\\s?)+$', 'nested-repeat'],
    ['(a*)*', 'nested-repeat'],
    ['(a|aa)+', 'nested-repeat'],
    ['(?:a|b){2}', 'nested-repeat'],
    ['((ab)?c)*', 'nested-repeat'],
    ['(?:(?=\\w+)x)+', 'nested-repeat'],
    // No bound at all.
    ['(a)\\1', 'backreference'],
    ['(?<n>a)\\k<n>', 'backreference'],
    // Polynomial, but too steep for a long cell; anchoring takes one factor off.
    ['\\w*\\w*\\w*x', 'too-costly'],
    ['^\\w*\\w*\\w*x', undefined],
    ['(\\w+)\\s+(\\w+)', 'too-costly'],
    ['.*.*.*=', 'too-costly'],
    ['a?'.repeat(17) + 'a'.repeat(17), 'too-costly'],
    ['a{0,10}'.repeat(8), 'too-costly'],
    ['^a|\\w*\\w*\\w*b', 'too-costly'],
  ])('%s: %s', (pattern, problem) => {
    expect(patternProblem(pattern)).toBe(problem);
  });

  test('never throws, whatever the text', () => {
    fc.assert(fc.property(fc.string({ maxLength: 40 }), (text) => void patternProblem(text)));
    fc.assert(
      fc.property(fc.stringMatching(/^[\\()|?*+{},\d\w[\]^$.<>=!:-]{0,30}$/), (text) => void patternProblem(text)),
    );
  });

  /** Small patterns: literals, classes, groups, alternatives and repeats, nested a little. */
  const piece = fc.letrec<{ node: string }>((tie) => ({
    node: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      fc.constantFrom('a', 'b', '\\w', '\\d', '.', '[ab]'),
      fc.tuple(tie('node'), tie('node')).map(([left, right]) => `${left}${right}`),
      fc.tuple(tie('node'), tie('node')).map(([left, right]) => `(?:${left}|${right})`),
      fc
        .tuple(tie('node'), fc.constantFrom('*', '+', '?', '{2}', '{1,3}'))
        .map(([inner, repeat]) => `(?:${inner})${repeat}`),
    ),
  })).node;

  test('a group that may match in more than one way is never repeated, wherever it sits', () => {
    fc.assert(
      fc.property(piece, (inner) => {
        const branching = `(?:${inner}|${inner}${inner})`;
        expect(patternProblem(`^x${branching}+`)).toBe('nested-repeat');
        expect(patternProblem(`(?:(?:${inner})*)+`)).toBe('nested-repeat');
      }),
    );
  });

  test('taking a repeat away never makes an accepted pattern refused', () => {
    fc.assert(
      fc.property(piece, (pattern) => {
        if (patternProblem(pattern) === undefined)
          expect(patternProblem(pattern.replace(/[*+?]|\{\d(,\d)?\}/, ''))).toBeUndefined();
      }),
    );
  });
});

describe('where the subset is enforced', () => {
  const profile = (pattern: string) => ({ sites: { profiles: [{ rows: 'tr', id: { from: 'text', pattern } }] } });

  test.each<[string, string, string]>([
    [
      '^(\\w+\\s?)+$',
      'repeats a group that itself repeats or branches, which can take seconds on one cell',
      'This pattern repeats a group that itself repeats or branches',
    ],
    [
      '(a)\\1',
      'uses a backreference, which Roster does not run',
      'Backreferences (\\1, \\k<name>) are not supported in patterns.',
    ],
    [
      '\\w*\\w*\\w*x',
      'has too many repetitions to run on every cell',
      'Too many repetitions (*, +, ?, {n,m}) to run on every cell.',
    ],
  ])('validation refuses %s on its field, and says why in the options page', (pattern, message, shown) => {
    const result = validateSettings(profile(pattern));
    expect(result.ok ? [] : result.error.issues).toEqual([{ field: 'sites.profiles.0.id.pattern', message }]);
    const text = issueText({ field: 'sites.profiles.0.id.pattern', message });
    expect(formatMessage('en', text.key, text.substitutions.map(String))).toContain(shown);
    expect(formatMessage('zh_CN', text.key, text.substitutions.map(String))).not.toBe('');
  });

  test('saved by an older version, such a profile is set aside alone: the other settings stay', () => {
    const saved = { serverUrl: 'wss://admin.example.com/ws', ...profile('^(\\w+\\s?)+$') };
    const { settings } = resolveSettings(saved, {});
    expect(settings.serverUrl).toBe('wss://admin.example.com/ws');
    expect(settings.sites.profiles).toEqual([]);
  });

  test('a policy with such a pattern is reported, and the rest of it applies', () => {
    const { settings, policyIssues } = resolveSettings(
      {},
      { serverUrl: 'wss://admin.example.com/ws', ...profile('(a|aa)+') },
    );
    expect(settings.serverUrl).toBe('wss://admin.example.com/ws');
    expect(policyIssues).toMatchObject([{ field: 'sites.profiles.0.id.pattern' }]);
  });
});

describe('reading a row with a pattern', () => {
  const headers = createHeaderLookup();
  const cell = (text: string) => {
    const element = document.createElement('td');
    element.textContent = text;
    return element;
  };

  test.each([
    ['a short cell', 'User 12345', '12345'],
    ['a cell at the limit', `${'x'.repeat(PATTERN_INPUT_LIMIT - 5)} 1234`, '1234'],
    [
      'a longer cell: not read at all, rather than read cut short',
      `${'x'.repeat(PATTERN_INPUT_LIMIT)} 1234`,
      undefined,
    ],
  ])('%s', (_, text, expected) => {
    expect(compileExtractor({ from: 'text', pattern: '(\\d+)$' })(cell(text), headers)?.value).toBe(expected);
  });

  test('a pattern outside the subset that reaches a page anyway reads nothing, and returns at once', () => {
    const read = compileExtractor({ from: 'text', pattern: '^(\\w+\\s?)+$' });
    const started = performance.now();
    expect(read(cell('aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!'), headers)).toBeUndefined();
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});

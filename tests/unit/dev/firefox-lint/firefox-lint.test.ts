// @vitest-environment node
import { readFileSync } from 'node:fs';
import * as v from 'valibot';
import { describe, expect, test } from 'vitest';
import { AllowListSchema, judge, sourceFrom, type AllowEntry } from '../../../../dev/firefox-lint/allow-list';
import { findingsOf, parseLintOutput, type Finding } from '../../../../dev/firefox-lint/findings';

const preact: AllowEntry = {
  code: 'UNSAFE_VAR_ASSIGNMENT',
  files: ['content-scripts/content.js', 'chunks/*.js'],
  source: '[\\w$]+\\.innerHTML=[\\w$]+\\.__html\\b',
  reason: "Preact's renderer, only for dangerouslySetInnerHTML, which we never use.",
};

const preactLine = 'w?(a||(t.innerHTML=w.__html),e.__k=[]):0';
const files: Record<string, string> = {
  'content-scripts/content.js': `x\n${preactLine}`,
  'chunks/style-CcA19x8b.js': preactLine,
  'chunks/nested/deep.js': preactLine,
  'background.js': 'document.body.innerHTML=location.hash',
};
const sourceAt = (file: string, line: number, column: number) => {
  const text = files[file];
  return text === undefined ? undefined : sourceFrom(text, line, column);
};

function warning(file: string, line: number, column: number, code = 'UNSAFE_VAR_ASSIGNMENT'): Finding {
  return { severity: 'warning', code, message: 'Unsafe assignment to innerHTML', file, line, column };
}

describe('judge', () => {
  test("Preact's own assignment in the content script and a hashed chunk is accepted", () => {
    const verdict = judge(
      [warning('content-scripts/content.js', 2, 8), warning('chunks/style-CcA19x8b.js', 1, 8)],
      [preact],
      sourceAt,
    );
    expect(verdict.rejected).toEqual([]);
    expect(verdict.allowed.map((a) => a.finding.file)).toEqual([
      'content-scripts/content.js',
      'chunks/style-CcA19x8b.js',
    ]);
    expect(verdict.unused).toEqual([]);
  });

  test.each([
    ['the same code in a file not listed', warning('background.js', 1, 1)],
    ['a listed file, but other source at that spot', warning('content-scripts/content.js', 1, 1)],
    ['`*` does not cross folders', warning('chunks/nested/deep.js', 1, 8)],
    ['another code at the same spot', warning('content-scripts/content.js', 2, 8, 'DANGEROUS_EVAL')],
    ['no position to check', { severity: 'warning', code: 'UNSAFE_VAR_ASSIGNMENT', message: 'x', file: 'chunks/a.js' }],
    ['an error, even of an accepted kind', { ...warning('content-scripts/content.js', 2, 8), severity: 'error' }],
  ] satisfies [string, Finding][])('rejected: %s', (_name, finding) => {
    const verdict = judge([finding], [preact], sourceAt);
    expect(verdict.rejected).toEqual([finding]);
    expect(verdict.unused).toEqual([preact]);
  });

  test('a manifest warning is never accepted by a source entry', () => {
    const manifest: Finding = {
      severity: 'warning',
      code: 'MISSING_DATA_COLLECTION_PERMISSIONS',
      message: 'missing',
      file: 'manifest.json',
    };
    expect(judge([manifest], [preact], sourceAt).rejected).toEqual([manifest]);
  });
});

test('sourceFrom: 1-based columns, as web-ext reports them', () => {
  expect(sourceFrom('ab\ncdef', 2, 2, 2)).toBe('de');
  expect(sourceFrom('ab', 3, 1)).toBeUndefined();
});

test('parseLintOutput reads the JSON report and tags severities', () => {
  const stdout = `Running...\n${JSON.stringify({ count: 1, summary: {}, errors: [], notices: [], warnings: [{ code: 'W', message: 'm', file: 'a.js', line: 1, column: 2, description: 'd' }] })}\n`;
  expect(findingsOf(parseLintOutput(stdout))).toEqual([
    { severity: 'warning', code: 'W', message: 'm', file: 'a.js', line: 1, column: 2, description: 'd' },
  ]);
  expect(() => parseLintOutput('crashed')).toThrow(/no JSON report/);
});

test('the checked-in allow-list is valid and gives every exception a reason', () => {
  const list = v.parse(
    AllowListSchema,
    JSON.parse(readFileSync(new URL('../../../../firefox-lint-allowed.json', import.meta.url), 'utf8')),
  );
  expect(list.allowed.length).toBeGreaterThan(0);
  for (const entry of list.allowed) expect(() => new RegExp(entry.source)).not.toThrow();
});

// @vitest-environment node
import { describe, expect, test } from 'vitest';
import { describeShape } from '../../../../dev/server/banner';
import { CLI_USAGE, parseCliArgs } from '../../../../dev/server/cli-args';

describe('--tokens and --ids', () => {
  test.each([
    [[], 'jwt', 'string'],
    [['--tokens=opaque'], 'opaque', 'string'],
    [['--ids=number'], 'jwt', 'number'],
    [['--tokens', 'opaque', '--ids', 'number'], 'opaque', 'number'],
    [['--tokens=jwt', '--ids=string'], 'jwt', 'string'],
  ])('%j → %s tokens, %s ids', (argv, tokens, idType) => {
    expect(parseCliArgs(argv)).toMatchObject({ tokens, idType });
  });

  test.each([
    [['--tokens=session'], '--tokens must be jwt or opaque, not session'],
    [['--ids=int'], '--ids must be string or number, not int'],
    [['--ids'], "Option '--ids <value>' argument missing"],
  ])('%j is refused: %s', (argv, message) => {
    expect(() => parseCliArgs(argv)).toThrow(message);
  });

  test('the usage text lists both flags with their values', () => {
    expect(CLI_USAGE).toContain('--tokens jwt|opaque');
    expect(CLI_USAGE).toContain('--ids string|number');
  });
});

describe('describeShape (the banner line)', () => {
  test.each([
    ['jwt', 'string', undefined],
    ['opaque', 'string', /^opaque session tokens .*users\.json tokens refused\)$/],
    ['jwt', 'number', /^numeric ids \(calls with string Sender\/Receiver are dropped\)$/],
    ['opaque', 'number', /^opaque session tokens .*; numeric ids /],
  ] as const)('%s tokens, %s ids', (tokens, idType, expected) => {
    const shape = describeShape({ tokens, idType });
    if (expected === undefined) expect(shape).toBeUndefined();
    else expect(shape).toMatch(expected);
  });
});

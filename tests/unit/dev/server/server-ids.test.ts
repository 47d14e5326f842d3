// @vitest-environment node
import { describe, expect, test } from 'vitest';
import { apiId, isInt32, requireNumericIds } from '../../../../dev/server/id-type';
import { numericIdProblem } from '../../../../dev/server/strict-ids';

const frame = (sender: unknown, receiver: unknown): string =>
  JSON.stringify({
    Sender: sender,
    Receiver: receiver,
    SendTime: '',
    Message: { Event: 'Call', Data: {} },
    Type: 'Event',
  });

describe('numericIdProblem (a .NET `int Sender` / `int Receiver`)', () => {
  test.each([
    ['numbers', 1, 2],
    ['zero and a negative', 0, -5],
    ['int bounds', -(2 ** 31), 2 ** 31 - 1],
  ])('%s bind', (_label, sender, receiver) => {
    expect(numericIdProblem(frame(sender, receiver))).toBeUndefined();
  });

  test.each([
    ['a string Sender', '1', 2, "Sender is a JSON string, but this server's ids are numbers"],
    ['a string Receiver', 1, '2', "Receiver is a JSON string, but this server's ids are numbers"],
    ['an empty string', '', 2, "Sender is a JSON string, but this server's ids are numbers"],
    ['a fraction', 1, 2.5, 'Receiver is not a whole number in int range'],
    ['beyond int', 2 ** 31, 2, 'Sender is not a whole number in int range'],
    ['below int', 1, -(2 ** 31) - 1, 'Receiver is not a whole number in int range'],
    ['null', null, 2, 'Sender is not a whole number in int range'],
    ['missing', undefined, 2, 'Sender is not a whole number in int range'],
  ])('%s does not', (_label, sender, receiver, problem) => {
    expect(numericIdProblem(frame(sender, receiver))).toBe(problem);
  });

  test.each([
    ['not JSON', 'heart check', 'not JSON'],
    ['not an object', '42', 'not a JSON object'],
  ])('%s', (_label, text, problem) => {
    expect(numericIdProblem(text)).toBe(problem);
  });

  test('never quotes a value: frames may carry secrets', () => {
    expect(numericIdProblem(frame('eyJ.secret.token', 2))).not.toContain('secret');
  });
});

describe('requireNumericIds', () => {
  const user = (id: string) => ({ id, name: `user ${id}`, token: `token-${id}` });

  test('whole ids in int range pass', () => {
    expect(() =>
      requireNumericIds(['1', '0', '-3', '2147483647', '-2147483648'].map(user), 'users.json'),
    ).not.toThrow();
  });

  test.each(['abc', '007', '+1', '1.0', '1e3', '-0', '2147483648', '-2147483649', '9007199254740993'])(
    '%s is refused, naming the entry',
    (id) => {
      expect(() => requireNumericIds([user('1'), user(id)], 'users.json')).toThrow(
        `users.json: entry #1 (id ${JSON.stringify(id)}): numeric ids (--ids=number) need every id to be a whole number from -2147483648 to 2147483647`,
      );
    },
  );
});

describe('apiId and isInt32', () => {
  test.each([
    ['42', 'string', '42'],
    ['42', 'number', 42],
    ['-7', 'number', -7],
  ] as const)('%s as %s → %j', (id, idType, expected) => {
    expect(apiId(id, idType)).toBe(expected);
  });

  test.each([
    [0, true],
    [2 ** 31 - 1, true],
    [2 ** 31, false],
    [1.5, false],
    ['1', false],
    [Number.NaN, false],
  ])('isInt32(%j) is %s', (value, expected) => {
    expect(isInt32(value)).toBe(expected);
  });
});

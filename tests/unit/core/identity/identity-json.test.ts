import { describe, expect, test } from 'vitest';
import { asName, asUserId, readIdentityJson } from '../../../../utils/core/identity/identity-json';
import { DEFAULT_ID_PATHS, DEFAULT_NAME_PATHS } from '../../../../utils/core/settings/schema';

const read = (json: unknown) => readIdentityJson(json, DEFAULT_ID_PATHS, DEFAULT_NAME_PATHS);
const parsed = (text: string) => JSON.parse(text) as unknown;

describe('real answers with the default paths', () => {
  test.each<[string, unknown, { id: string; name: string } | undefined]>([
    [
      'the reference server’s /api/me',
      parsed('{"code":20000,"data":{"id":1,"userName":"章三"}}'),
      { id: '1', name: '章三' },
    ],
    ['a persisted Vuex store', parsed('{"user":{"id":"7","name":"李四"},"app":{}}'), { id: '7', name: '李四' }],
    [
      'RuoYi getInfo',
      parsed(
        '{"msg":"操作成功","code":200,"roles":["admin"],"user":{"userId":1,"deptId":103,"userName":"admin","nickName":"若依"}}',
      ),
      { id: '1', name: 'admin' },
    ],
    ['a bare user record', parsed('{"userId":42,"nickName":"王五"}'), { id: '42', name: '王五' }],
    ['data.user nested', parsed('{"data":{"user":{"userId":"u-9","nickName":"赵六"}}}'), { id: 'u-9', name: '赵六' }],
    ['an id without any name', parsed('{"data":{"id":3}}'), { id: '3', name: '' }],
    // The signed-out answers of the same hosts: nobody, not an error.
    ['the reference server signed out', parsed('{"code":50008,"message":"Illegal token","data":null}'), undefined],
    ['RuoYi signed out', parsed('{"code":401,"msg":"认证失败，无法访问系统资源"}'), undefined],
    ['a list of users is not me', parsed('{"data":[{"id":1,"name":"a"}]}'), undefined],
    ['an empty object', {}, undefined],
    ['null', null, undefined],
    ['a bare number', 42, undefined],
    ['a bare string', '42', undefined],
    ['an array', [1], undefined],
  ])('%s', (_, json, expected) => {
    expect(read(json)).toEqual(expected);
  });
});

describe('ids', () => {
  const long = 'x'.repeat(128);
  test.each<[string, unknown, string | undefined]>([
    ['a number becomes a string', 1, '1'],
    ['zero is an id', 0, '0'],
    ['a negative integer', -5, '-5'],
    ['the largest safe integer', Number.MAX_SAFE_INTEGER, String(Number.MAX_SAFE_INTEGER)],
    ['an unsafe integer is refused (it was rounded by JSON.parse)', parsed('9007199254740993'), undefined],
    ['a float is refused', 1.5, undefined],
    ['a tiny float is refused', 1e-7, undefined],
    ['NaN', Number.NaN, undefined],
    ['Infinity', Number.POSITIVE_INFINITY, undefined],
    ['a string', 'u-7', 'u-7'],
    ['a string is trimmed', '  7 ', '7'],
    ['a blank string is refused', '   ', undefined],
    ['an empty string is refused', '', undefined],
    ['128 characters', long, long],
    ['129 characters are refused', `${long}x`, undefined],
    ['prototype names are ids like any other', '__proto__', '__proto__'],
    ['constructor', 'constructor', 'constructor'],
    ['true', true, undefined],
    ['null', null, undefined],
    ['an object', { id: 1 }, undefined],
    ['an array', [1], undefined],
  ])('%s', (_, value, expected) => {
    expect(asUserId(value)).toBe(expected);
    expect(read({ data: { id: value } })?.id).toBe(expected);
  });

  test('a refused id falls through to the next path', () => {
    expect(read({ data: { id: 1.5, userId: 'x'.repeat(129) }, user: { id: 'fallback' } })).toEqual({
      id: 'fallback',
      name: '',
    });
  });

  test('the first usable path wins, in the order given', () => {
    expect(readIdentityJson({ a: 1, b: 2 }, ['b', 'a'], [])).toEqual({ id: '2', name: '' });
    expect(readIdentityJson({ a: 1, b: 2 }, [], [])).toBeUndefined();
  });
});

describe('names', () => {
  const cap = '名'.repeat(200);
  test.each<[string, unknown, string]>([
    ['trimmed', '  章三 \n', '章三'],
    ['capped at 200', `${cap}尾巴`, cap],
    ['capped after trimming', `   ${cap}`, cap],
    ['exactly 200 kept', cap, cap],
    ['markup is kept as text', '<img src=x onerror=alert(1)>', '<img src=x onerror=alert(1)>'],
    [
      'a template literal is kept as text',
      '${alert(1)}{{constructor.constructor("x")()}}',
      '${alert(1)}{{constructor.constructor("x")()}}',
    ],
    ['prototype words are names like any other', '__proto__', '__proto__'],
    ['control characters are data', 'a\u0000b\u202Ec', 'a\u0000b\u202Ec'],
  ])('%s', (_, value, expected) => {
    expect(asName(value)).toBe(expected);
    expect(read({ data: { id: 1, name: value } })).toEqual({ id: '1', name: expected });
  });

  test('the cap does not cut a character in half', () => {
    const name = `${'a'.repeat(199)}😀`;
    const capped = asName(name);
    expect(capped).toBe('a'.repeat(199));
    expect(capped!.isWellFormed()).toBe(true);
  });

  test.each<[string, unknown]>([
    ['blank', '   '],
    ['a number', 7],
    ['an object', { first: 'a' }],
    ['null', null],
    ['half an emoji', '\uD83D'],
  ])('%s is no name, and the next name path is tried', (_, value) => {
    expect(asName(value)).toBeUndefined();
    expect(read({ data: { id: 1, name: value, userName: 'next' } })).toEqual({ id: '1', name: 'next' });
  });

  test('a name without an id names nobody', () => {
    expect(read({ data: { name: '章三' } })).toBeUndefined();
  });
});

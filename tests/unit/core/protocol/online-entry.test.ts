import fc from 'fast-check';
import * as v from 'valibot';
import { describe, expect, test } from 'vitest';
import { readOnlineEntry } from '../../../../utils/core/protocol/online-entry';
import { OnlineEntrySchema } from '../../../../utils/core/protocol/schemas';
import { entryJson } from './helpers/online-lists';

describe('the common entries are read by hand', () => {
  test.each([
    ['a string id', '"42"', { id: '42' }],
    ['a numeric id', '42', { id: '42' }],
    ['zero', '0', { id: '0' }],
    ['minus zero, as String writes it', '-0', { id: '0' }],
    ['a negative id', '-7', { id: '-7' }],
    ['the largest safe integer', '9007199254740991', { id: '9007199254740991' }],
    ['a whole number written with a fraction', '1.0', { id: '1' }],
    ['an id of 128 characters', JSON.stringify('x'.repeat(128)), { id: 'x'.repeat(128) }],
    ['an id that is a prototype key', '"__proto__"', { id: '__proto__' }],
    ['an id with inner spaces', '"a b"', { id: 'a b' }],
    ['an object with a name', '{"userId":"1","userName":"章三"}', { id: '1', name: '章三' }],
    ['an object with a numeric id', '{"userId":7,"userName":"Bob"}', { id: '7', name: 'Bob' }],
    ['an object without a name', '{"userId":"1"}', { id: '1' }],
    ['a null name', '{"userId":"1","userName":null}', { id: '1' }],
    ['an empty name', '{"userId":"1","userName":""}', { id: '1' }],
    ['a name of 200 characters', `{"userId":"1","userName":"${'n'.repeat(200)}"}`, { id: '1', name: 'n'.repeat(200) }],
    ['more fields than it reads', '{"userId":"1","userName":"x","dept":3}', { id: '1', name: 'x' }],
    ['a __proto__ key (data, not the prototype)', '{"__proto__":{"userName":"y"},"userId":"1"}', { id: '1' }],
  ])('%s', (_, json, user) => {
    const entry: unknown = JSON.parse(json);
    expect(readOnlineEntry(entry)).toStrictEqual(user);
    expect(v.parse(OnlineEntrySchema, entry)).toStrictEqual(user);
  });
});

describe('everything else is left to the schema', () => {
  test.each([
    ['an id to trim', '" 5 "'],
    ['an id ending in a no-break space', '"5\\u00a0"'],
    ['an id starting with a byte order mark', '"\\ufeff5"'],
    ['an empty id', '""'],
    ['an id of spaces', '"  "'],
    ['an id of 129 characters', JSON.stringify('x'.repeat(129))],
    ['a fraction', '1.5'],
    ['an integer beyond safe', '9007199254740992'],
    ['a number beyond a double', '1e400'],
    ['true', 'true'],
    ['null', 'null'],
    ['a nested array', '["1"]'],
    ['an empty object', '{}'],
    ['an object without userId', '{"userName":"x"}'],
    ['an object with an id to trim', '{"userId":" 1"}'],
    ['an object with a bad id', '{"userId":1.5}'],
    ['a name to trim', '{"userId":"1","userName":" x "}'],
    ['a name of spaces', '{"userId":"1","userName":"  "}'],
    ['a name of 201 characters', `{"userId":"1","userName":"${'n'.repeat(201)}"}`],
    ['a numeric name', '{"userId":"1","userName":5}'],
    ['a name that is an object', '{"userId":"1","userName":{}}'],
  ])('%s', (_, json) => {
    expect(readOnlineEntry(JSON.parse(json))).toBeUndefined();
  });
});

describe('whatever it reads, the schema reads the same', () => {
  test('on common and hostile entries', () => {
    fc.assert(
      fc.property(entryJson, (json) => {
        const entry: unknown = JSON.parse(json);
        const user = readOnlineEntry(entry);
        if (user === undefined) return;
        const checked = v.safeParse(OnlineEntrySchema, entry);
        expect(checked.success).toBe(true);
        expect(checked.output).toStrictEqual(user);
      }),
      { numRuns: 5000 },
    );
  });

  test('on any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 3 }), (value) => {
        const entry: unknown = JSON.parse(JSON.stringify(value));
        const user = readOnlineEntry(entry);
        if (user !== undefined) expect(v.parse(OnlineEntrySchema, entry)).toStrictEqual(user);
      }),
      { numRuns: 3000 },
    );
  });
});

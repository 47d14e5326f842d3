import fc from 'fast-check';
import * as v from 'valibot';
import { ChatFrameSchema, OnlineEntrySchema, wireIdTypeOf } from '../../../../../utils/core/protocol/schemas';
import type { OnlineUser, UserId, WireIdType } from '../../../../../utils/core/protocol/schemas';
import type { ParseResult } from '../../../../../utils/core/protocol/parse';
import { ProtocolError } from '../../../../../utils/core/protocol/errors';

/**
 * Online-list entries as JSON text, common and hostile: the shapes the hand-written reader takes,
 * and everything around its edges that it must leave to the schema. Text, not values, so a
 * `__proto__` key or a number beyond what a double holds reaches `JSON.parse` as a server sends it.
 */
const SPACES = [
  ' ',
  '\t',
  '\n',
  '\r',
  '\v',
  '\f',
  '\u00a0',
  '\u1680',
  '\u2000',
  '\u2028',
  '\u2029',
  '\u3000',
  '\ufeff',
];
const space = fc.constantFrom(...SPACES);
const padded = (text: fc.Arbitrary<string>) =>
  fc.tuple(fc.option(space, { nil: '' }), text, fc.option(space, { nil: '' })).map(([a, b, c]) => a + b + c);
/** Lengths around a bound: one under, at, one over. */
const around = (bound: number) => fc.integer({ min: bound - 2, max: bound + 2 }).map((length) => 'x'.repeat(length));

const idText = fc.oneof(
  // A small pool, so the same id often comes twice (as a string, a number, an object).
  fc.constantFrom('1', '2', '07', '-0', '0', '__proto__', 'constructor', 'toString', 'NaN', 'Infinity', '用户'),
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'grapheme', maxLength: 8 }),
  padded(fc.constantFrom('1', '2', '', '章三')),
  around(128),
  fc.constant('x'.repeat(100_000)),
);
const idJson = fc.oneof(
  idText.map((text) => JSON.stringify(text)),
  fc.integer({ min: -3, max: 3 }).map(String),
  fc.maxSafeInteger().map(String),
  fc.constantFrom(
    '9007199254740991',
    '-9007199254740991',
    '9007199254740992',
    '9007199254740993',
    '1e21',
    '1e400',
    '-1e400',
    '-0',
    '1.0',
    '1.5',
    '1E2',
    '0.1e1',
    '5e-324',
  ),
  fc.double().map((number) => JSON.stringify(number)),
  fc.constantFrom('true', 'false', 'null', '[]', '{}', '["1"]', '[1]', '[[1]]'),
);
const nameJson = fc.oneof(
  fc.constantFrom('"章三"', '"Alice"', '""', '"  "', 'null', '0', 'true', '[]', '{}', '["x"]'),
  fc.string({ maxLength: 20 }).map((text) => JSON.stringify(text)),
  padded(fc.constantFrom('章三', 'Bob', '')).map((text) => JSON.stringify(text)),
  around(200).map((text) => JSON.stringify(text)),
);
const objectJson = fc
  .record(
    {
      userId: idJson,
      userName: nameJson,
      extra: fc.constantFrom('1', '"x"', '{"userId":"9"}'),
      proto: fc.constantFrom('{"userId":"9","userName":"x"}', 'null', '[]'),
    },
    { requiredKeys: [] },
  )
  .chain((fields) =>
    fc.shuffledSubarray(Object.entries(fields), { minLength: Object.keys(fields).length }).map(
      (pairs) =>
        // `proto` becomes a literal `__proto__` key: JSON.parse makes it an own property, never the prototype.
        `{${pairs.map(([key, value]) => `"${key === 'proto' ? '__proto__' : key}":${value}`).join(',')}}`,
    ),
  );
export const entryJson = fc.oneof(
  { arbitrary: idJson, weight: 4 },
  { arbitrary: objectJson, weight: 4 },
  { arbitrary: fc.array(idJson, { maxLength: 3 }).map((items) => `[${items.join(',')}]`), weight: 1 },
  { arbitrary: fc.jsonValue({ maxDepth: 2 }).map((value) => JSON.stringify(value)), weight: 1 },
);
export const listJson = fc.array(entryJson, { maxLength: 40 }).map((entries) => `[${entries.join(',')}]`);

/**
 * The online list decoded by the schema alone, entry by entry: what `parseFrame` did before the
 * hand-written reader, kept here as the reference it must match exactly.
 */
export function schemaOnlyList(json: unknown): ParseResult {
  const frame = v.safeParse(ChatFrameSchema, json);
  if (!frame.success) {
    const why = frame.issues
      .slice(0, 3)
      .map((issue) => `${v.getDotPath(issue) ?? '(root)'}: ${issue.message}`)
      .join('; ');
    return { ok: false, error: new ProtocolError('invalid-frame', `Chat: ${why}`, 'Chat') };
  }
  const users = new Map<UserId, OnlineUser>();
  let rejected = 0;
  let idType: WireIdType | undefined;
  for (const entry of frame.output.Message) {
    const user = v.safeParse(OnlineEntrySchema, entry);
    if (!user.success) {
      rejected++;
      continue;
    }
    idType ??= wireIdTypeOf(
      typeof entry === 'object' && entry !== null ? (entry as { userId?: unknown }).userId : entry,
    );
    if (!users.has(user.output.id)) users.set(user.output.id, user.output);
  }
  return {
    ok: true,
    message: { kind: 'online', users: [...users.values()], rejected, ...(idType ? { idType } : {}) },
  };
}

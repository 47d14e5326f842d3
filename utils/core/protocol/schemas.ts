import * as v from 'valibot';
import { MAX_ID_LENGTH, MAX_NAME_LENGTH } from './limits';

/**
 * The legacy wire format, described once. Outputs are normalised: ids are always strings, names
 * are trimmed and bounded, so everything past the codec can trust the shapes.
 */

/** The wire value of `Data.type` for a call; a protocol constant, never translated. */
export const CALL_TYPE = '呼叫';
/** The recipe's heartbeat: raw text, not JSON. */
export const LEGACY_HEARTBEAT = 'heart check';

export const UserIdSchema = v.pipe(
  v.union([
    v.pipe(v.string(), v.trim(), v.nonEmpty(), v.maxLength(MAX_ID_LENGTH)),
    v.pipe(v.number(), v.safeInteger(), v.transform(String)),
  ]),
  v.brand('UserId'),
);
export type UserId = v.InferOutput<typeof UserIdSchema>;

/**
 * How the server writes ids on the wire. Ids are strings inside Roster; a server that sends
 * numbers gets numbers back (a strictly typed server refuses `"Sender":"7"` for an `int`).
 */
export type WireIdType = 'string' | 'number';

/** The wire type of a raw id value, when it is one. */
export function wireIdTypeOf(value: unknown): WireIdType | undefined {
  if (typeof value === 'number') return 'number';
  if (typeof value === 'string') return 'string';
  return undefined;
}

const NameSchema = v.pipe(v.string(), v.trim(), v.maxLength(MAX_NAME_LENGTH));

export const OnlineEntrySchema = v.union([
  v.pipe(
    UserIdSchema,
    v.transform((id) => ({ id })),
  ),
  v.pipe(
    v.object({ userId: UserIdSchema, userName: v.nullish(NameSchema) }),
    v.transform(({ userId, userName }) => (userName ? { id: userId, name: userName } : { id: userId })),
  ),
]);
export type OnlineUser = { readonly id: UserId; readonly name?: string };

export const EnvelopeSchema = v.object({ Type: v.string() });

export const ChatFrameSchema = v.object({ Type: v.literal('Chat'), Message: v.array(v.unknown()) });

export const EventFrameSchema = v.object({
  Type: v.literal('Event'),
  Sender: UserIdSchema,
  Receiver: UserIdSchema,
  SendTime: v.optional(v.nullable(v.string()), ''),
  Message: v.object({ Event: v.string(), Data: v.unknown() }),
});

export const CallDataSchema = v.object({
  sender: v.optional(NameSchema, ''),
  type: v.string(),
  receiver: v.optional(NameSchema, ''),
});

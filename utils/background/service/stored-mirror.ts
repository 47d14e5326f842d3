import * as v from 'valibot';
import { identitySources } from '../../core/identity/me';
import { idTable, type IdTable } from '../../core/presence/id-table';
import { UserIdSchema, type UserId } from '../../core/protocol/schemas';
import type { RosterMirror } from './service';

const Moment = v.pipe(v.number(), v.finite());
const Count = v.pipe(v.number(), v.integer(), v.minValue(0));
const Text = v.pipe(v.string(), v.maxLength(1_000));

/** A table keyed by user id, rebuilt without a prototype (ids such as `__proto__` stay data). */
function TableOf<T>(value: v.GenericSchema<unknown, T>) {
  return v.pipe(
    v.custom<Record<string, unknown>>(
      (input) => typeof input === 'object' && input !== null && !Array.isArray(input),
      'must be a table',
    ),
    v.check(
      (table) => Object.entries(table).every(([id, entry]) => v.is(UserIdSchema, id) && v.is(value, entry)),
      'holds an entry that is not a user',
    ),
    v.transform((table): IdTable<T> => idTable(Object.entries(table) as [UserId, T][])),
  );
}

const ConnectionSchema = v.object({
  phase: v.picklist(['disconnected', 'connecting', 'connected']),
  reason: v.optional(
    v.picklist([
      'not-configured',
      'no-permission',
      'no-host-tab',
      'no-token',
      'unauthorized',
      'offline',
      'server-closed',
      'no-heartbeat',
      'cannot-reach',
      'stopped',
    ]),
  ),
  since: Moment,
  attempt: Count,
  nextRetryAt: v.optional(Moment),
  lastError: v.optional(Text),
  listProblem: v.optional(
    v.variant('reason', [
      v.object({ reason: v.literal('too-large'), bytes: Count, limitBytes: Count, at: Moment }),
      v.object({ reason: v.literal('invalid'), at: Moment }),
    ]),
  ),
});

const NamedIdSchema = v.object({ id: UserIdSchema, name: Text });
const SpotSchema = v.picklist(['localStorage', 'sessionStorage', 'element']);

const MirrorSchema = v.object({
  connection: ConnectionSchema,
  presence: v.object({ version: Count, online: v.array(UserIdSchema), lastSeen: TableOf(Moment) }),
  names: v.object({ directory: TableOf(Text), server: TableOf(Text), page: TableOf(Text) }),
  me: v.nullable(
    v.object({ id: UserIdSchema, name: Text, source: v.picklist(identitySources), spot: v.optional(SpotSchema) }),
  ),
  identity: v.optional(
    v.object({
      tokenHash: Text,
      readings: v.object({
        jwt: v.optional(NamedIdSchema),
        url: v.optional(NamedIdSchema),
        page: v.optional(v.object({ ...NamedIdSchema.entries, spot: SpotSchema })),
        learned: v.optional(NamedIdSchema),
      }),
    }),
  ),
});

export type StoredMirror = { readonly mirror: RosterMirror | undefined; readonly problem?: string };

/**
 * The last state mirrored in `storage.session`, checked before a new worker starts from it. It is
 * only a head start (the server resends everything within a second), so anything wrong in it
 * discards all of it, with the reason: never a half-restored presence. Pure.
 */
export function readStoredMirror(raw: unknown): StoredMirror {
  if (raw === null || raw === undefined) return { mirror: undefined };
  const parsed = v.safeParse(MirrorSchema, raw);
  if (parsed.success) return { mirror: parsed.output };
  const issue = parsed.issues[0];
  return { mirror: undefined, problem: `${v.getDotPath(issue) ?? '(mirror)'} ${issue.message}` };
}

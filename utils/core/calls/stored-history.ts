import * as v from 'valibot';
import { UserIdSchema } from '../protocol/schemas';
import { MAX_CALL_NOTE, MAX_CONTEXT_TITLE, pageUrl } from './call-context';
import type { CallHistory } from './history';
import type { CallRecord } from './records';
import type { Delivery } from './replays';

const Moment = v.pipe(v.number(), v.finite());
const Text = v.pipe(v.string(), v.maxLength(1_000));

/** Bounds in UTF-16 units: the context's are in characters, and one may take two. */
const ContextSchema = v.optional(
  v.object({
    url: v.optional(
      v.pipe(
        v.string(),
        v.check((url) => pageUrl(url) === url),
      ),
    ),
    title: v.optional(v.pipe(v.string(), v.maxLength(MAX_CONTEXT_TITLE * 2))),
    note: v.optional(v.pipe(v.string(), v.maxLength(MAX_CALL_NOTE * 2))),
  }),
);

const IncomingSchema = v.object({
  kind: v.literal('incoming'),
  id: v.pipe(Text, v.nonEmpty()),
  peerId: UserIdSchema,
  peerName: Text,
  at: Moment,
  status: v.picklist(['ringing', 'answered', 'dismissed', 'missed']),
  seen: v.boolean(),
  context: ContextSchema,
});

const OutgoingSchema = v.object({
  kind: v.literal('outgoing'),
  id: v.pipe(Text, v.nonEmpty()),
  peerId: UserIdSchema,
  at: Moment,
  status: v.picklist(['queued', 'sent', 'failed']),
  error: v.optional(v.picklist(['expired', 'queue-full', 'stopped', 'restarted'])),
  settledAt: v.optional(Moment),
  context: ContextSchema,
});

const RecordSchema = v.variant('kind', [IncomingSchema, OutgoingSchema]);
const DeliverySchema = v.object({ key: v.string(), at: Moment });

export interface StoredHistory {
  readonly history: CallHistory;
  /** What was wrong with the stored value, for a warning; absent when it was whole (or absent). */
  readonly problem?: string;
}

function valid<T>(schema: v.GenericSchema<unknown, T>, items: unknown): { kept: T[]; of: number } {
  if (!Array.isArray(items)) return { kept: [], of: 0 };
  const kept = items.flatMap((item: unknown) => {
    const parsed = v.safeParse(schema, item);
    return parsed.success ? [parsed.output] : [];
  });
  return { kept, of: items.length };
}

/**
 * The call log as stored, checked before anything uses it: storage can hold anything (a hand
 * edit, a bug, another version), and the log is read at every worker start, so one bad value
 * must not stop the background. Every record that is still whole is kept, the unseen count is
 * recounted from them when it is not a count, and the rest is dropped with a reason. Replay keys
 * of another shape (an older version's plain strings) match nothing and are dropped quietly. Pure.
 */
export function readStoredHistory(raw: unknown): StoredHistory {
  const fields: Record<string, unknown> =
    typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  const records = valid<CallRecord>(RecordSchema, fields.records);
  const delivered = valid<Delivery>(DeliverySchema, fields.delivered);
  const counted = v.safeParse(v.pipe(v.number(), v.integer(), v.minValue(0)), fields.unseen);
  const recounted = records.kept.filter((record) => record.kind === 'incoming' && !record.seen).length;
  const history: CallHistory = {
    records: records.kept,
    unseen: counted.success ? counted.output : recounted,
    delivered: delivered.kept,
  };

  const problems = [
    fields === raw ? '' : 'not a call log',
    fields === raw && !Array.isArray(fields.records) ? 'no list of records' : '',
    records.kept.length < records.of ? `${records.of - records.kept.length} of ${records.of} records unreadable` : '',
    fields === raw && !counted.success ? 'no unseen count' : '',
  ].filter(Boolean);
  return problems.length === 0 ? { history } : { history, problem: problems.join(', ') };
}

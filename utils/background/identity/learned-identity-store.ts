import * as v from 'valibot';
import { protectedItem } from '../../extension/protected-item';
import type { LearnedStore } from './identity-tracker';
import { UserIdSchema } from '../../core/protocol/schemas';
import { createLogger } from '../../core/log';

const log = createLogger('identity');

const EntrySchema = v.object({
  hash: v.pipe(v.string(), v.regex(/^[0-9a-f]{32}$/)),
  id: UserIdSchema,
  name: v.pipe(v.string(), v.maxLength(200)),
});
const EntriesSchema = v.array(EntrySchema);

/** A handful of sign-ins is plenty: shared browsers switch between a few people, not hundreds. */
const KEEP = 10;

/**
 * Who the server showed each recent sign-in to be, out of content scripts' reach, keyed by a hash of the token
 * (never the token), newest last. Unreadable contents count as nothing learned.
 */
const learnedItem = protectedItem<unknown>('identity-learned-v1', { fallback: [] });

async function entries(): Promise<v.InferOutput<typeof EntriesSchema>> {
  const stored = await learnedItem.getValue();
  const parsed = v.safeParse(EntriesSchema, stored);
  if (parsed.success) return parsed.output;
  // All or nothing: a damaged list may hold a token where a hash goes, and the next set overwrites it.
  log.warn('the learned identities in storage are unreadable: counted as nothing learned');
  return [];
}

export const learnedIdentityStore: LearnedStore = {
  async get(hash) {
    const entry = (await entries()).find((candidate) => candidate.hash === hash);
    return entry && { id: entry.id, name: entry.name };
  },
  async set(hash, user) {
    // Checked before it is written: a token passed for its hash must never reach storage, and one bad
    // entry would make the whole list unreadable. The error leaves the value out (it may be the token).
    const entry = v.safeParse(EntrySchema, { hash, id: user.id, name: user.name });
    if (!entry.success)
      throw new Error(
        `not saved: ${entry.issues.map((issue) => issue.path?.map((step) => String(step.key)).join('.') ?? '?').join(', ')} is not valid`,
      );
    const others = (await entries()).filter((candidate) => candidate.hash !== hash);
    await learnedItem.setValue([...others, entry.output].slice(-KEEP));
  },
};

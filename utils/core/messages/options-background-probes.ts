import * as v from 'valibot';
import { identitySources } from '../identity/me';
import { sourceProblems } from '../identity/status';
import { MAX_ID_LENGTH, MAX_NAME_LENGTH } from '../protocol/limits';
import { SettingsSchema } from '../settings/schema';

/**
 * The options page's "Test" buttons. The page sends the settings it is editing (not yet saved);
 * the background runs the test and answers in words and numbers. The sign-in token is read and
 * used only in the background: neither the request nor the result ever carries it.
 */
export const PROBE_PORT = 'roster:probe';

const fields = SettingsSchema.entries;

export const ConnectionProbeRequestSchema = v.strictObject({
  probe: v.literal('connection'),
  serverUrl: fields.serverUrl,
  auth: fields.auth,
  identity: fields.identity,
  connection: fields.connection,
});

export const DirectoryProbeRequestSchema = v.strictObject({
  probe: v.literal('directory'),
  directory: fields.directory,
});

export const IdentityProbeRequestSchema = v.strictObject({
  probe: v.literal('identity'),
  auth: fields.auth,
  identity: fields.identity,
});

export const ProbeRequestSchema = v.variant('probe', [
  ConnectionProbeRequestSchema,
  DirectoryProbeRequestSchema,
  IdentityProbeRequestSchema,
]);

export type ConnectionProbeRequest = v.InferOutput<typeof ConnectionProbeRequestSchema>;
export type DirectoryProbeRequest = v.InferOutput<typeof DirectoryProbeRequestSchema>;
export type IdentityProbeRequest = v.InferOutput<typeof IdentityProbeRequestSchema>;
export type ProbeRequestInput = v.InferInput<typeof ProbeRequestSchema>;

const Detail = v.pipe(v.string(), v.maxLength(500));
const Origins = v.pipe(v.array(v.string()), v.maxLength(20));

export const ConnectionProbeResultSchema = v.variant('outcome', [
  /** The server took the token and sent an online list (or at least answered the heartbeat). */
  v.object({
    outcome: v.literal('connected'),
    me: v.nullable(v.object({ id: v.string(), name: v.string() })),
    /** How many were online in the server's list; `null` when it sent none in time. */
    online: v.nullable(v.number()),
  }),
  /** The server closed with one of the "token refused" codes. */
  v.object({ outcome: v.literal('rejected'), detail: Detail }),
  /** The server refused the WebSocket handshake itself (HTTP 401/403/426…). */
  v.object({ outcome: v.literal('refused'), detail: Detail }),
  v.object({ outcome: v.literal('unreachable'), detail: Detail }),
  /** Something answered, but not the legacy protocol: a web page, frames we cannot read, or silence. */
  v.object({ outcome: v.literal('wrong-protocol'), detail: Detail }),
  /** Opened, then closed for another reason before sending anything useful. */
  v.object({ outcome: v.literal('closed'), detail: Detail }),
  /** No token: the user is not signed in to the host site. */
  v.object({ outcome: v.literal('signed-out'), siteUrl: v.string() }),
  v.object({ outcome: v.literal('no-permission'), origins: Origins }),
  v.object({ outcome: v.literal('not-configured') }),
]);
export type ConnectionProbeResult = v.InferOutput<typeof ConnectionProbeResultSchema>;

export const DirectoryProbeResultSchema = v.variant('outcome', [
  v.object({
    outcome: v.literal('read'),
    users: v.number(),
    skipped: v.number(),
    /** Entries after the last user Roster keeps (the list is longer than the directory holds). */
    beyond: v.number(),
    /** A few names, to show that the right fields were read. */
    sample: v.pipe(v.array(v.string()), v.maxLength(5)),
  }),
  v.object({
    outcome: v.literal('failed'),
    code: v.picklist(['http', 'network', 'timeout', 'redirected', 'too-large', 'not-json', 'not-a-list']),
    detail: Detail,
  }),
  v.object({ outcome: v.literal('no-permission'), origins: Origins }),
  v.object({ outcome: v.literal('not-configured') }),
]);
export type DirectoryProbeResult = v.InferOutput<typeof DirectoryProbeResultSchema>;

/** Ids as the background sends them: already checked, so branded like the codec's. */
const Id = v.pipe(v.string(), v.maxLength(MAX_ID_LENGTH), v.brand('UserId'));
const Spot = v.picklist(['localStorage', 'sessionStorage', 'element']);
const SourceStateSchema = v.variant('state', [
  v.object({ state: v.literal('off') }),
  v.object({ state: v.literal('waiting') }),
  v.object({ state: v.literal('unused') }),
  v.object({
    state: v.literal('found'),
    id: Id,
    name: v.pipe(v.string(), v.maxLength(MAX_NAME_LENGTH)),
    spot: v.optional(Spot),
  }),
  v.object({
    state: v.literal('failed'),
    problem: v.picklist(sourceProblems),
    detail: v.optional(Detail),
    status: v.optional(v.number()),
    spot: v.optional(Spot),
  }),
]);

export const IdentityProbeResultSchema = v.variant('outcome', [
  v.object({
    outcome: v.literal('identity'),
    signedIn: v.boolean(),
    me: v.nullable(v.object({ id: Id, name: v.string(), source: v.picklist(identitySources), spot: v.optional(Spot) })),
    sources: v.object({
      jwt: SourceStateSchema,
      url: SourceStateSchema,
      page: SourceStateSchema,
      settings: SourceStateSchema,
      learned: SourceStateSchema,
    }),
  }),
  v.object({ outcome: v.literal('no-permission'), origins: Origins }),
  v.object({ outcome: v.literal('not-configured') }),
]);
export type IdentityProbeResult = v.InferOutput<typeof IdentityProbeResultSchema>;

/** What the background posts back: one reply, then the page disconnects. */
export const ProbeReplySchema = v.variant('ok', [
  v.object({ ok: v.literal(true), result: v.unknown() }),
  v.object({ ok: v.literal(false), error: v.string() }),
]);
export type ProbeReply = v.InferOutput<typeof ProbeReplySchema>;

import * as v from 'valibot';
import { PAGE_SPOTS } from '../identity/me';
import { PAGE_PROBLEMS } from '../identity/page-reading';
import { UserIdSchema } from '../protocol/schemas';
import { MAX_ID_LENGTH, MAX_NAME_LENGTH } from '../protocol/limits';
import { MAX_CALL_NOTE, MAX_CONTEXT_TITLE, MAX_CONTEXT_URL } from '../calls/call-context';
import type { CallPage, RosterState, SendCallResult } from './roster-state';

/** What views ask of the background over the port (`PORT_NAME`, in background-to-view.ts). */

const CallIdSchema = v.pipe(v.string(), v.nonEmpty(), v.maxLength(300));

const PageSpotSchema = v.picklist(PAGE_SPOTS);
/** A host page's own record of its user; the id is checked again by the background before it is believed. */
export const PageReadingSchema = v.variant('ok', [
  v.object({
    ok: v.literal(true),
    id: v.union([v.pipe(v.string(), v.maxLength(MAX_ID_LENGTH)), v.number()]),
    name: v.pipe(v.string(), v.maxLength(MAX_NAME_LENGTH)),
    spot: PageSpotSchema,
  }),
  v.object({
    ok: v.literal(false),
    problem: v.picklist(PAGE_PROBLEMS),
    spot: PageSpotSchema,
  }),
]);

/**
 * Parts of the content script loaded into a frame only when needed: the toasts before a frame's
 * first toast (by the background); asked for by the frame: the hover card when a person first
 * points at a mark, the custom site profiles' compiler where one applies, the marks' rules for
 * shadow roots at the first one, the page identity reader where the settings name a spot to read.
 */
const ASKED_PARTS = ['hover-card', 'site-profiles', 'shadow-styles', 'page-identity'] as const;
export const CONTENT_PARTS = ['call-toasts', ...ASKED_PARTS] as const;
export type ContentPart = (typeof CONTENT_PARTS)[number];

/**
 * The page a call is about, as a view saw it: a content script's own frame, or the popup's active
 * tab. Bounded here; the background checks the address against the sites before anything is sent.
 */
const CallPageSchema = v.object({
  url: v.pipe(v.string(), v.maxLength(MAX_CONTEXT_URL)),
  title: v.pipe(v.string(), v.maxLength(MAX_CONTEXT_TITLE * 4)),
});

/** What a call may say it is about: the page (checked by the background) and a note. */
const CallAboutFields = {
  page: v.optional(CallPageSchema),
  note: v.optional(v.pipe(v.string(), v.maxLength(MAX_CALL_NOTE * 4))),
};

/** What views may ask of the background, described once and checked on arrival. */
export const ViewRequestSchema = v.variant('op', [
  v.object({ op: v.literal('snapshot') }),
  v.object({ op: v.literal('sendCall'), to: UserIdSchema, ...CallAboutFields }),
  /** The popup's active tab, when a call made now would be about it (a configured site's page). */
  v.object({ op: v.literal('activePage') }),
  /** Opens the configured site's page call `id` was about, in a host tab already showing it when there is one. */
  v.object({ op: v.literal('openCallPage'), id: CallIdSchema }),
  v.object({ op: v.literal('retryNow') }),
  /** Rings back the caller of an incoming call, about a page and with a note as a call from the popup may be. */
  v.object({ op: v.literal('callBack'), id: CallIdSchema, ...CallAboutFields }),
  v.object({ op: v.literal('dismissCall'), id: CallIdSchema }),
  v.object({ op: v.literal('markCallsSeen') }),
  v.object({ op: v.literal('setDoNotDisturb'), on: v.boolean() }),
  v.object({ op: v.literal('reportIdentity'), reading: PageReadingSchema }),
  /** A host frame (not the top one) came into view or left it: where the tab's toasts go. */
  v.object({ op: v.literal('frameShown'), shown: v.boolean() }),
  /**
   * A host page or frame with no user rows: presence and names changes are not sent to it until it
   * says otherwise (then it asks for a snapshot). Frames that show no table cost nothing per change.
   */
  v.object({ op: v.literal('quiet'), on: v.boolean() }),
  v.object({ op: v.literal('loadPart'), part: v.picklist(ASKED_PARTS) }),
  v.object({
    op: v.literal('learnNames'),
    names: v.pipe(
      v.array(v.tuple([UserIdSchema, v.pipe(v.string(), v.trim(), v.nonEmpty(), v.maxLength(MAX_NAME_LENGTH))])),
      v.maxLength(5_000),
    ),
  }),
]);
export type ViewRequest = v.InferOutput<typeof ViewRequestSchema>;
export type ViewRequestInput = v.InferInput<typeof ViewRequestSchema>;
export type Op = ViewRequest['op'];

export interface Replies {
  snapshot: RosterState;
  sendCall: SendCallResult;
  activePage: CallPage | null;
  openCallPage: { readonly opened: boolean };
  retryNow: null;
  learnNames: null;
  callBack: SendCallResult;
  dismissCall: null;
  markCallsSeen: null;
  setDoNotDisturb: null;
  reportIdentity: null;
  frameShown: null;
  quiet: null;
  loadPart: null;
}

/** Who is asking decides what may be asked: a host page's content script gets only what it needs. */
export type Role = 'content' | 'page';
export const allowedOps: Readonly<Record<Role, ReadonlySet<Op>>> = {
  content: new Set<Op>([
    'snapshot',
    'sendCall',
    'learnNames',
    'callBack',
    'dismissCall',
    'openCallPage',
    'reportIdentity',
    'frameShown',
    'quiet',
    'loadPart',
  ]),
  page: new Set<Op>([
    'snapshot',
    'sendCall',
    'retryNow',
    'learnNames',
    'callBack',
    'dismissCall',
    'openCallPage',
    'activePage',
    'markCallsSeen',
    'setDoNotDisturb',
  ]),
};

export const ViewToBackgroundSchema = v.object({
  type: v.literal('request'),
  id: v.pipe(v.number(), v.safeInteger()),
  request: ViewRequestSchema,
});

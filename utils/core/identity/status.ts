import type { UserId } from '../protocol/schemas';
import type { IdentitySource, PageSpot } from './me';
import type { PageProblem } from './page-reading';
import type { Ambiguity } from './server-evidence';
import type { WhoAmIProblem } from './who-am-i';

/**
 * Why a source names nobody: a "who am I" or page problem, or `not-jwt` (an opaque session token:
 * its claims name nobody), `unstable` (the page changed its mind too often: not believed for a
 * while), `not-in-lists` (the page names someone the server never listed while we were online),
 * `bad-id` (what was found is not an id).
 */
export type SourceProblem = WhoAmIProblem | PageProblem | 'not-jwt' | 'unstable' | 'not-in-lists' | 'bad-id';

/** Every problem once: a record, so the compiler insists a new one is listed (the message schema reads it). */
const problems: Record<SourceProblem, true> = {
  network: true,
  timeout: true,
  http: true,
  redirected: true,
  'not-json': true,
  'too-large': true,
  'no-id': true,
  'not-found': true,
  'bad-selector': true,
  blocked: true,
  'not-jwt': true,
  unstable: true,
  'not-in-lists': true,
  'bad-id': true,
};
export const sourceProblems = Object.keys(problems) as SourceProblem[];

/** One identity source, as the options page and the popup explain it. */
export type SourceState =
  /** Not configured. */
  | { readonly state: 'off' }
  /** Configured, nothing yet (signed out, the answer not in, no host page open). */
  | { readonly state: 'waiting' }
  /** Configured but not asked: an earlier source already names the user. */
  | { readonly state: 'unused' }
  | { readonly state: 'found'; readonly id: UserId; readonly name: string; readonly spot?: PageSpot }
  | {
      readonly state: 'failed';
      readonly problem: SourceProblem;
      readonly detail?: string;
      readonly status?: number;
      readonly spot?: PageSpot;
    };

export interface IdentityStatus {
  readonly sources: Readonly<Record<IdentitySource, SourceState>>;
  /** Why the server has not named me, while it has not. */
  readonly ambiguity?: Ambiguity;
  /** The last call that came for another id than mine (shown anyway: the server routed it here). */
  readonly mismatch?: { readonly receiverId: UserId; readonly at: number };
}

/** No source configured or heard from: what content scripts see (they have no business knowing more). */
export const silentIdentity: IdentityStatus = {
  sources: {
    jwt: { state: 'off' },
    url: { state: 'off' },
    page: { state: 'off' },
    settings: { state: 'off' },
    learned: { state: 'off' },
  },
};

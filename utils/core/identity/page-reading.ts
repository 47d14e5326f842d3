import type { PageSpot } from './me';

/** What the content script is told to read; plain data, so it can also be passed to `scripting.executeScript`. */
export interface PageIdentityConfig {
  readonly storage: 'localStorage' | 'sessionStorage';
  /** Empty: the storage is not read. */
  readonly key: string;
  /** Empty: no element is read. */
  readonly selector: string;
  /** The element's attribute with the id (its text is then the name); empty: the id is the text. */
  readonly attribute: string;
  readonly idPaths: readonly string[];
  readonly namePaths: readonly string[];
}

export const PAGE_PROBLEMS = ['not-found', 'not-json', 'too-large', 'no-id', 'bad-selector', 'blocked'] as const;
export type PageProblem = (typeof PAGE_PROBLEMS)[number];

/** What the page says about its signed-in user; the background checks the id before believing it. */
export type PageReading =
  | { readonly ok: true; readonly id: string | number; readonly name: string; readonly spot: PageSpot }
  | { readonly ok: false; readonly problem: PageProblem; readonly spot: PageSpot };

/** The page part of the identity settings, or `null` when no page source is configured. Pure. */
export function pageIdentityConfig(identity: {
  readonly mode: string;
  readonly pageKey: string;
  readonly pageStorage: 'localStorage' | 'sessionStorage';
  readonly pageSelector: string;
  readonly pageAttribute: string;
  readonly idPaths: readonly string[];
  readonly namePaths: readonly string[];
}): PageIdentityConfig | null {
  if (identity.mode !== 'auto' || (!identity.pageKey && !identity.pageSelector)) return null;
  return {
    storage: identity.pageStorage,
    key: identity.pageKey,
    selector: identity.pageSelector,
    attribute: identity.pageAttribute,
    idPaths: identity.idPaths,
    namePaths: identity.namePaths,
  };
}

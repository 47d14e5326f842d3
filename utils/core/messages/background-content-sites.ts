/**
 * The background tells open host tabs where Roster may still run (after a site was removed or its
 * permission revoked); a content script whose page is no longer covered removes its marks and stops.
 */
export const SITES_MESSAGE = 'roster:sites';

export interface SitesMessage {
  readonly type: typeof SITES_MESSAGE;
  readonly matches: readonly string[];
}

const MAX_MATCHES = 100;

/** Checked by hand, not by schema: it is read in every host page, where each kilobyte counts. */
export function readSitesMessage(message: unknown): SitesMessage | undefined {
  if (typeof message !== 'object' || message === null) return undefined;
  const { type, matches } = message as Partial<Record<keyof SitesMessage, unknown>>;
  if (type !== SITES_MESSAGE || !Array.isArray(matches) || matches.length > MAX_MATCHES) return undefined;
  const list: unknown[] = matches;
  return list.every((match): match is string => typeof match === 'string') ? { type, matches: list } : undefined;
}

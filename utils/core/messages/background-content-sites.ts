import * as v from 'valibot';

/**
 * The background tells open host tabs where Roster may still run (after a site was removed or its
 * permission revoked); a content script whose page is no longer covered removes its marks and stops.
 */
export const SITES_MESSAGE = 'roster:sites';

export const SitesMessageSchema = v.object({
  type: v.literal(SITES_MESSAGE),
  matches: v.pipe(v.array(v.string()), v.maxLength(100)),
});

export type SitesMessage = v.InferOutput<typeof SitesMessageSchema>;

import { matchesAny } from '../sites/match-pattern';

/**
 * What a call is about: the caller's page and a short note, carried as extra fields of the legacy
 * call's `Data` (`url`, `title`, `note`). Legacy clients read only `sender`, `type` and `receiver`,
 * so they ignore these. Everything here is text from another person's browser: cleaned, bounded,
 * and an address is only ever kept when it is a page of one of Roster's configured sites, so a call
 * can never carry a link anywhere else. Pure.
 */
export interface CallContext {
  /** An http(s) page of a configured site (checked again before it is opened). */
  readonly url?: string;
  readonly title?: string;
  readonly note?: string;
}

export const MAX_CONTEXT_URL = 2_048;
export const MAX_CONTEXT_TITLE = 200;
export const MAX_CALL_NOTE = 140;

/** The wire names, in the order they are written after the legacy fields. */
export const CONTEXT_FIELDS = ['url', 'title', 'note'] as const;

// Control characters, and the bidi overrides that make text read other than it is stored.
const UNSEEN = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** One line of plain text, at most `max` characters (a cut one ends with `…`); `undefined` when empty. */
export function cleanText(value: unknown, max: number): string | undefined {
  if (typeof value !== 'string') return undefined;
  // Bounded before the work on it: a megabyte title costs no more than a short one.
  const line = value
    .slice(0, max * 4)
    .replace(UNSEEN, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (line === '') return undefined;
  const characters = Array.from(line);
  return characters.length <= max ? line : `${characters.slice(0, max - 1).join('')}…`;
}

/** `value` when it is an http(s) address without credentials, as the URL parser writes it. */
export function pageUrl(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.length > MAX_CONTEXT_URL) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  if (url.username !== '' || url.password !== '') return undefined;
  return url.href.length > MAX_CONTEXT_URL ? undefined : url.href;
}

/** Whether `url` is a page of one of the configured sites' origins (any path on them). */
export function isSitePage(url: string, sitePatterns: readonly string[]): boolean {
  return matchesAny(sitePatterns.map(anyPath), url);
}

function anyPath(pattern: string): string {
  return pattern.replace(/^([^:/]+:\/\/[^/]+)\/.*$/, '$1/*');
}

/** The context a call is sent with: `undefined` when there is nothing to say. */
export function outgoingContext(
  input: { readonly page?: { readonly url: string; readonly title: string }; readonly note?: string },
  sitePatterns: readonly string[],
): CallContext | undefined {
  const page = pageUrl(input.page?.url);
  const url = page !== undefined && isSitePage(page, sitePatterns) ? page : undefined;
  // A title without its page would say what the call is about with nothing to open: both or neither.
  const title = url ? (cleanText(input.page?.title, MAX_CONTEXT_TITLE) ?? url) : undefined;
  const note = cleanText(input.note, MAX_CALL_NOTE);
  return compact({ url, title, note });
}

/**
 * The context of a call as it arrived (`Data`'s extra fields), from any client: a title and note
 * as text, an address when it is a plain http(s) one. Anything else is dropped, never an error:
 * the call itself counts more than what it is about.
 */
export function readCallContext(data: unknown): CallContext | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const fields = data as Partial<Record<(typeof CONTEXT_FIELDS)[number], unknown>>;
  return compact({
    url: pageUrl(fields.url),
    title: cleanText(fields.title, MAX_CONTEXT_TITLE),
    note: cleanText(fields.note, MAX_CALL_NOTE),
  });
}

/** `context` without its address unless that is a configured site's page: what may be shown and opened. */
export function onSites(context: CallContext | undefined, sitePatterns: readonly string[]): CallContext | undefined {
  if (context?.url === undefined || isSitePage(context.url, sitePatterns)) return context;
  return compact({ title: context.title, note: context.note });
}

function compact(context: {
  url?: string | undefined;
  title?: string | undefined;
  note?: string | undefined;
}): CallContext | undefined {
  const { url, title, note } = context;
  if (url === undefined && title === undefined && note === undefined) return undefined;
  return { ...(url ? { url } : {}), ...(title ? { title } : {}), ...(note ? { note } : {}) };
}

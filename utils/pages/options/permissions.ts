import { requiredOrigins } from '../../core/settings/origins';
import type { Settings } from '../../core/settings/schema';
import { browserMatches, siteMatches } from '../../core/sites/site-scope';

/**
 * Host permissions these settings need: the sign-in site, the user list and the server
 * (`requiredOrigins`), and the pages Roster marks (its content script's registration). Pure.
 */
export function neededOrigins(settings: Pick<Settings, 'serverUrl' | 'auth' | 'directory' | 'sites'>): string[] {
  return [...new Set([...requiredOrigins(settings), ...browserMatches(siteMatches(settings))])];
}

interface HostPattern {
  readonly scheme: string;
  /** `*`: every host; `*.example.com`: it and its subdomains. */
  readonly host: string;
}

const PATTERN = /^(\*|https?|wss?):\/\/(\*|\*\.[^/:]+|[^/:*]+|\[[0-9a-f:.]+\])(?::\d+)?\//i;

function parse(pattern: string): HostPattern | undefined {
  if (pattern === '<all_urls>') return { scheme: '*', host: '*' };
  const match = PATTERN.exec(pattern);
  return match ? { scheme: (match[1] ?? '').toLowerCase(), host: (match[2] ?? '').toLowerCase() } : undefined;
}

/**
 * Whether holding `granted` means holding `needed`. Host permissions ignore paths and ports, so
 * only the scheme and the host count.
 */
export function covers(granted: string, needed: string): boolean {
  const have = parse(granted);
  const want = parse(needed);
  if (!have || !want) return false;
  const schemeOk =
    have.scheme === want.scheme || (have.scheme === '*' && (want.scheme === 'http' || want.scheme === 'https'));
  if (!schemeOk) return false;
  if (have.host === '*' || have.host === want.host) return true;
  if (!have.host.startsWith('*.')) return false;
  const domain = have.host.slice(2);
  const host = want.host.startsWith('*.') ? want.host.slice(2) : want.host;
  return host === domain || host.endsWith(`.${domain}`);
}

/** Which of `needed` no granted pattern covers: what to ask for. */
export function missingOrigins(needed: readonly string[], granted: readonly string[]): string[] {
  return needed.filter((pattern) => !granted.some((have) => covers(have, pattern)));
}

/**
 * Extension match patterns (`https://admin.example.com/*`, `*://*.example.com/users/*`), with one
 * addition browsers lack: an optional port. Browsers' own patterns ignore ports, so a registration
 * gets the port-less form and the content script checks the port itself. Pure.
 */
export interface MatchPattern {
  readonly scheme: 'http' | 'https' | '*';
  /** Lower-case host without the `*.` prefix. */
  readonly host: string;
  /** `*.example.com`: the host and all its subdomains. */
  readonly subdomains: boolean;
  /** Empty: any port. */
  readonly port: string;
  readonly path: RegExp;
  readonly pathText: string;
}

// An IPv6 host keeps its brackets, as `URL.hostname` does.
const PATTERN = /^(https?|\*):\/\/(\*\.)?(\[[0-9a-fA-F:.]+\]|[^/:*[\]]+)(?::(\d{1,5}))?(\/.*)$/;

/** Parses a pattern; `undefined` when it is not one, or names no host (`<all_urls>`, a bare `*` host). */
export function parseMatchPattern(text: string): MatchPattern | undefined {
  const match = PATTERN.exec(text.trim());
  if (!match) return undefined;
  const [, scheme = '', star, host = '', port = '', pathText = '/'] = match;
  if (port !== '' && Number(port) > 65_535) return undefined;
  return {
    scheme: scheme as MatchPattern['scheme'],
    host: host.toLowerCase(),
    subdomains: star !== undefined,
    port,
    path: globToRegExp(pathText),
    pathText,
  };
}

export function isMatchPattern(text: string): boolean {
  return parseMatchPattern(text) !== undefined;
}

function globToRegExp(glob: string): RegExp {
  const escaped = glob.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
  return new RegExp(`^${escaped}$`);
}

/** Whether `url` is one of the pages `pattern` describes (path and query, as browsers match them). */
export function matchesUrl(pattern: MatchPattern, url: URL): boolean {
  const scheme = url.protocol.slice(0, -1);
  if (scheme !== 'http' && scheme !== 'https') return false;
  if (pattern.scheme !== '*' && pattern.scheme !== scheme) return false;
  const host = url.hostname.toLowerCase();
  const hostOk = host === pattern.host || (pattern.subdomains && host.endsWith(`.${pattern.host}`));
  if (!hostOk) return false;
  if (pattern.port !== '' && pattern.port !== (url.port || (scheme === 'https' ? '443' : '80'))) return false;
  return pattern.path.test(url.pathname + url.search);
}

/** Whether `href` matches any of `patterns` (invalid patterns match nothing). */
export function matchesAny(patterns: readonly string[], href: string): boolean {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return false;
  }
  return patterns.some((text) => {
    const pattern = parseMatchPattern(text);
    return pattern !== undefined && matchesUrl(pattern, url);
  });
}

/** The pattern a browser accepts for registration and permissions: the same, without a port. */
export function browserPattern(text: string): string | undefined {
  const pattern = parseMatchPattern(text);
  if (!pattern) return undefined;
  return `${pattern.scheme}://${pattern.subdomains ? '*.' : ''}${pattern.host}${pattern.pathText}`;
}

/** `http://localhost:8787/*` for `http://localhost:8787/anything`: every page of that origin. */
export function originPattern(siteUrl: string): string | undefined {
  let url: URL;
  try {
    url = new URL(siteUrl);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  return `${url.protocol}//${url.host}/*`;
}

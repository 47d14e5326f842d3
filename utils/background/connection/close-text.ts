/** Names for the close codes a user may meet; 1006 has none because "before opening" says more. */
const closeNames: Readonly<Record<number, string>> = {
  1000: 'normal closure',
  1001: 'going away',
  1002: 'protocol error',
  1003: 'unsupported data',
  1007: 'invalid data',
  1008: 'policy violation',
  1009: 'message too big',
  1011: 'server error',
  1012: 'service restart',
  1013: 'try again later',
};

/** The server's close reason is free text shown in the popup: keep it to one short line. */
const MAX_REASON = 80;

function when(openForMs: number | undefined): string {
  return openForMs === undefined ? 'before opening' : `after ${Math.round(openForMs / 1000)} s`;
}

/**
 * e.g. `closed with 1006 before opening`, `closed with 1001 (going away) after 3 s: restarting`.
 * The reason is the server's text: `secrets` are taken out of it before it is cut to length, so a
 * token cut at the limit cannot leak in part.
 */
export function describeClose(
  code: number,
  reason: string,
  openForMs: number | undefined,
  secrets: readonly string[] = [],
): string {
  const name = closeNames[code];
  const named = name === undefined ? `${code}` : `${code} (${name})`;
  const oneLine = redact(reason, secrets).replace(/\s+/g, ' ').trim();
  const said = oneLine === '' ? '' : `: ${oneLine.length > MAX_REASON ? `${oneLine.slice(0, MAX_REASON)}…` : oneLine}`;
  return `closed with ${named} ${when(openForMs)}${said}`;
}

export function describeError(openForMs: number | undefined): string {
  return `socket error ${when(openForMs)}`;
}

export function describeThrown(what: string, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return `${what}: ${message}`;
}

/** Shorter runs than this are too common to mean anything (and to hide without hiding ordinary words). */
const MIN_LEAK = 7;

/**
 * `text` with every secret taken out, for anything a user or a log may see: the whole secret, and
 * any run of 7 or more of its first characters (a server quoting a token it cut short, "invalid
 * token eyJhbGciOiJIUz…"). Pure.
 */
export function redact(text: string, secrets: readonly string[]): string {
  let result = text;
  for (const secret of secrets) {
    if (secret.length < MIN_LEAK) {
      if (secret) result = result.replaceAll(secret, '[token]');
      continue;
    }
    const start = secret.slice(0, MIN_LEAK);
    let out = '';
    let from = 0;
    for (let at = result.indexOf(start); at >= 0; at = result.indexOf(start, from)) {
      let end = at + MIN_LEAK;
      while (end < result.length && end - at < secret.length && result[end] === secret[end - at]) end++;
      out += `${result.slice(from, at)}[token]`;
      from = end;
    }
    result = out + result.slice(from);
  }
  return result;
}

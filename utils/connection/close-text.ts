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

/** e.g. `closed with 1006 before opening`, `closed with 1001 (going away) after 3 s: restarting`. */
export function describeClose(code: number, reason: string, openForMs: number | undefined): string {
  const name = closeNames[code];
  const named = name === undefined ? `${code}` : `${code} (${name})`;
  const oneLine = reason.replace(/\s+/g, ' ').trim();
  const said =
    oneLine === ''
      ? ''
      : `: ${oneLine.length > MAX_REASON ? `${oneLine.slice(0, MAX_REASON)}…` : oneLine}`;
  return `closed with ${named} ${when(openForMs)}${said}`;
}

export function describeError(openForMs: number | undefined): string {
  return `socket error ${when(openForMs)}`;
}

export function describeThrown(what: string, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return `${what}: ${message}`;
}

/** `text` with every occurrence of each secret replaced, for anything a user or a log may see. */
export function redact(text: string, secrets: readonly string[]): string {
  return secrets.reduce((result, secret) => (secret ? result.replaceAll(secret, '[token]') : result), text);
}

export type TokenUrl = { readonly ok: true; readonly url: string } | { readonly ok: false; readonly why: string };

/**
 * The legacy connect address, `serverUrl + "?token=" + token`, checked right before the token goes
 * into it: it must still lead to the configured server (same scheme, host and port), carry the
 * token as the `token` query parameter and nowhere else (not in a fragment, not twice). A
 * malformed or tampered address gets a reason instead, and the token stays home. Pure.
 */
export function tokenUrl(serverUrl: string, token: string): TokenUrl {
  let configured: URL;
  try {
    configured = new URL(serverUrl);
  } catch {
    return { ok: false, why: 'the server address is not a URL' };
  }
  if (configured.protocol !== 'ws:' && configured.protocol !== 'wss:')
    return { ok: false, why: 'the server address is not ws:// or wss://' };
  if (configured.username || configured.password)
    return { ok: false, why: 'the server address carries a user name or password' };
  if (configured.hash || serverUrl.includes('#')) return { ok: false, why: 'the server address has a #fragment' };
  if (configured.searchParams.has('token')) return { ok: false, why: 'the server address already has a token' };
  const text = `${serverUrl}${serverUrl.includes('?') ? '&' : '?'}token=${encodeURIComponent(token)}`;
  let sent: URL;
  try {
    sent = new URL(text);
  } catch {
    return { ok: false, why: 'the address with the token is not a URL' };
  }
  const same =
    sent.protocol === configured.protocol && sent.hostname === configured.hostname && sent.port === configured.port;
  if (!same || sent.searchParams.getAll('token').length !== 1 || sent.searchParams.get('token') !== token) {
    return { ok: false, why: 'the address with the token would not lead to the configured server' };
  }
  return { ok: true, url: text };
}
